using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Users;

/// <summary>
/// Administrators manage accounts: create, change role or division, disable, reset password. Every user has one
/// role and one division. Each operation uses a fresh Identity scope, since a circuit lives far longer than a
/// DbContext should.
/// </summary>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopes,
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    DisplayNames displayNames,
    TimeProvider clock)
{
    public async Task<PagedResult<UserRow>> ListAsync(PageRequest request, UserFilter filter, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            users = users.WhereContains(request.Search, u => u.NormalizedEmail, u => u.FullName);
        }

        if (filter.DivisionId is { } divisionId)
        {
            users = users.Where(u => u.DivisionId == divisionId);
        }

        if (filter.ActiveOnly)
        {
            users = users.Where(u => u.IsActive);
        }

        // An anonymous projection (not the record) so that filters and ORDER BY translate to SQL.
        var rows = users.Select(u => new
        {
            u.Id,
            u.FullName,
            Email = u.Email ?? "",
            Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault() ?? "",
            DivisionCode = db.Set<Division>().Where(d => d.Id == u.DivisionId).Select(d => d.Code).FirstOrDefault() ?? "",
            DivisionName = db.Set<Division>().Where(d => d.Id == u.DivisionId).Select(d => d.Name).FirstOrDefault() ?? "",
            u.IsActive,
            u.LockoutEnd,
            ConcurrencyStamp = u.ConcurrencyStamp ?? "",
        });

        if (!string.IsNullOrEmpty(filter.Role))
        {
            rows = rows.Where(r => r.Role == filter.Role);
        }

        var total = await rows.CountAsync(ct);
        rows = (request.SortBy, request.Descending) switch
        {
            (nameof(UserRow.Email), false) => rows.OrderBy(r => r.Email),
            (nameof(UserRow.Email), true) => rows.OrderByDescending(r => r.Email),
            (nameof(UserRow.Role), false) => rows.OrderBy(r => r.Role).ThenBy(r => r.FullName),
            (nameof(UserRow.Role), true) => rows.OrderByDescending(r => r.Role).ThenBy(r => r.FullName),
            (nameof(UserRow.DivisionCode), false) => rows.OrderBy(r => r.DivisionCode).ThenBy(r => r.FullName),
            (nameof(UserRow.DivisionCode), true) => rows.OrderByDescending(r => r.DivisionCode).ThenBy(r => r.FullName),
            (_, true) => rows.OrderByDescending(r => r.FullName),
            _ => rows.OrderBy(r => r.FullName),
        };
        var page = await rows.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        var items = page.Select(r => new UserRow(
            r.Id, r.FullName, r.Email, r.Role, r.DivisionCode, r.DivisionName, r.IsActive,
            r.LockoutEnd > now ? r.LockoutEnd : null, r.ConcurrencyStamp)).ToList();
        return new PagedResult<UserRow>(items, total);
    }

    public async Task<UserForm?> GetAsync(string userId, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var roles = await userManager.GetRolesAsync(user);
        return new UserForm
        {
            Id = user.Id,
            Email = user.Email ?? "",
            FullName = user.FullName,
            Role = roles.FirstOrDefault() ?? "",
            DivisionId = user.DivisionId,
            IsActive = user.IsActive,
            ConcurrencyStamp = user.ConcurrencyStamp ?? "",
        };
    }

    public async Task<CommandResult> CreateAsync(UserForm form, string password, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        return await CreateCoreAsync(form, password, ct);
    }

    /// <summary>
    /// For the <c>create-admin</c> operator command only: the operator at the server's console is trusted, so no
    /// signed-in administrator is required (there may be none yet).
    /// </summary>
    public async Task<CommandResult> CreateAdministratorAsync(string email, string password, string fullName, string divisionCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var divisionId = await db.Set<Division>().Where(d => d.Code == divisionCode).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (divisionId is null)
        {
            return CommandResult.Fail("Users.UnknownDivision", nameof(UserForm.DivisionId), divisionCode);
        }

        return await CreateCoreAsync(new UserForm { Email = email, FullName = fullName, Role = AppRoles.Administrator, DivisionId = divisionId.Value }, password, ct);
    }

    public async Task<CommandResult> UpdateAsync(UserForm form, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Permissions.Administer);
        var invalid = await ValidateAsync(form, ct);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByIdAsync(form.Id);
        if (user is null)
        {
            return CommandResult.Fail("Users.NotFound");
        }

        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        var currentRoles = await userManager.GetRolesAsync(user);
        if (user.Id == actor.UserId && form.Role != AppRoles.Administrator)
        {
            return CommandResult.Fail("Users.CannotDemoteSelf", nameof(UserForm.Role));
        }

        var accessChanged = !currentRoles.SequenceEqual([form.Role]) || user.DivisionId != form.DivisionId;
        user.FullName = form.FullName.Trim();
        user.DivisionId = form.DivisionId;
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return FromIdentity(result);
        }

        if (!currentRoles.SequenceEqual([form.Role]))
        {
            await userManager.RemoveFromRolesAsync(user, currentRoles);
            await userManager.AddToRoleAsync(user, form.Role);
        }

        if (accessChanged)
        {
            // Claims carry role and division: a new stamp makes open sessions sign in again with the new ones.
            await userManager.UpdateSecurityStampAsync(user);
        }

        return CommandResult.Success;
    }

    /// <summary>Disables or re-enables an account. A disabled user cannot sign in and loses open sessions within a minute.</summary>
    public async Task<CommandResult> SetActiveAsync(string userId, bool active, string concurrencyStamp, CancellationToken ct = default)
    {
        var actor = await guard.DemandAsync(Permissions.Administer);
        if (userId == actor.UserId && !active)
        {
            return CommandResult.Fail("Users.CannotDisableSelf");
        }

        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Fail("Users.NotFound");
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return CommandResult.Conflict();
        }

        user.IsActive = active;
        var result = await userManager.UpdateAsync(user);
        if (result.Succeeded && !active)
        {
            result = await userManager.UpdateSecurityStampAsync(user);
        }

        return FromIdentity(result);
    }

    /// <summary>Sets a new password chosen by the administrator; the user's open sessions end within a minute.</summary>
    public async Task<CommandResult> ResetPasswordAsync(string userId, string newPassword, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Fail("Users.NotFound");
        }

        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var result = await userManager.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // A reset also lifts a lockout, which is usually why the administrator was asked.
            await userManager.SetLockoutEndDateAsync(user, null);
            await userManager.ResetAccessFailedCountAsync(user);
        }

        return FromIdentity(result, nameof(newPassword));
    }

    private async Task<CommandResult> CreateCoreAsync(UserForm form, string password, CancellationToken ct)
    {
        var invalid = await ValidateAsync(form, ct);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var scope = scopes.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = form.Email.Trim(),
            Email = form.Email.Trim(),
            EmailConfirmed = true,
            FullName = form.FullName.Trim(),
            DivisionId = form.DivisionId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return FromIdentity(created);
        }

        return FromIdentity(await userManager.AddToRoleAsync(user, form.Role));
    }

    private async Task<CommandResult> ValidateAsync(UserForm form, CancellationToken ct)
    {
        var errors = new List<CommandError>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await displayNames.CheckAsync(db, form.FullName, string.IsNullOrEmpty(form.Id) ? null : form.Id, nameof(UserForm.FullName), ct) is { } nameError)
        {
            errors.Add(nameError);
        }

        if (!AppRoles.All.Contains(form.Role))
        {
            errors.Add(new(nameof(UserForm.Role), "Validation.Required", []));
        }

        if (!await db.Set<Division>().AnyAsync(d => d.Id == form.DivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(UserForm.DivisionId), "Validation.Required", []));
        }

        return new CommandResult(errors);
    }

    private static CommandResult FromIdentity(IdentityResult result, string? field = null)
    {
        if (result.Succeeded)
        {
            return CommandResult.Success;
        }

        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return CommandResult.Conflict();
        }

        return new CommandResult([.. result.Errors.Select(e => new CommandError(
            field ?? (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserForm.Email) : null),
            CommandError.RawKey,
            [e.Description]))]);
    }
}

public sealed record UserFilter(int? DivisionId = null, string? Role = null, bool ActiveOnly = false);

public sealed record UserRow(
    string Id,
    string FullName,
    string Email,
    string Role,
    string DivisionCode,
    string DivisionName,
    bool IsActive,
    DateTimeOffset? LockedOutUntil,
    string ConcurrencyStamp);

/// <summary>The editable part of an account.</summary>
public sealed class UserForm
{
    public string Id { get; set; } = "";

    public string Email { get; set; } = "";

    public string FullName { get; set; } = "";

    public string Role { get; set; } = AppRoles.Petugas;

    public int DivisionId { get; set; }

    public bool IsActive { get; set; } = true;

    public string ConcurrencyStamp { get; set; } = "";
}
