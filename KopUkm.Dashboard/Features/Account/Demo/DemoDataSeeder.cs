using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Account.Demo;

/// <summary>Creates the roles always, and the demo accounts when asked. Running it twice changes nothing more.</summary>
public sealed class DemoDataSeeder(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Adds any missing demo account. Returns how many were created.</summary>
    public async Task<int> SeedDemoUsersAsync()
    {
        await EnsureRolesAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var divisions = await db.Set<Division>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id);
        var created = 0;
        foreach (var demo in DemoUsers.All)
        {
            if (await userManager.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                FullName = demo.FullName,
                DivisionId = divisions[demo.DivisionCode],
                CreatedAtUtc = DemoDay.AsOfUtc(clock),
            };
            var result = await userManager.CreateAsync(user, DemoUsers.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {demo.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await userManager.AddToRoleAsync(user, demo.Role);
            created++;
        }

        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo users", created);
        }

        return created;
    }
}
