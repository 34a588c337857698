using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>The signed-in user's own profile and preferences.</summary>
public sealed class ProfileService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUserAccessor currentUser, DisplayNames displayNames)
{
    public async Task<MyProfile?> GetAsync(CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profile = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Join(db.Set<Division>(), u => u.DivisionId, d => d.Id, (u, d) => new MyProfile(u.FullName, u.Email ?? "", d.Code, d.Name, "", u.PrefersDarkMode, u.PhoneNumber))
            .FirstOrDefaultAsync(ct);
        return profile is null ? null : profile with { Role = user.Roles.FirstOrDefault() ?? "" };
    }

    /// <summary>Remembers the theme choice on the account, so it follows the user to any computer.</summary>
    public async Task SetDarkModeAsync(bool dark, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == user.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), ct);
    }

    /// <summary>
    /// Updates the user's own display name (checked by <see cref="DisplayNames"/>: not empty, not the system's, not
    /// another active user's) and phone. Email, role and division are the administrator's.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(string fullName, string? phone, CancellationToken ct = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<CommandError>();
        if (await displayNames.CheckAsync(db, fullName, user.UserId, nameof(MyProfile.FullName), ct) is { } nameError)
        {
            errors.Add(nameError);
        }

        if (!string.IsNullOrWhiteSpace(phone) && !PhoneNumbers.IsValid(phone))
        {
            errors.Add(new CommandError(nameof(MyProfile.Phone), "Validation.Phone", []));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        var entity = await db.Users.FirstAsync(u => u.Id == user.UserId, ct);
        entity.FullName = fullName.Trim();
        entity.PhoneNumber = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }
}

public sealed record MyProfile(string FullName, string Email, string DivisionCode, string DivisionName, string Role, bool PrefersDarkMode, string? Phone);
