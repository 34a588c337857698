using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Users;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Users;

public abstract class UserAdministrationServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : UserAdministrationServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : UserAdministrationServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;
    private int umk;
    private int klm;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync(provider: provider);
        app.ActAs(AppRoles.Administrator, userId: "the-admin");
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        umk = divisions.Single(d => d.Code == "UMK").Id;
        klm = divisions.Single(d => d.Code == "KLM").Id;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private UserAdministrationService Users => app.Get<UserAdministrationService>();

    [Fact]
    public async Task Created_user_has_one_role_and_a_division_and_is_listed()
    {
        var result = await Users.CreateAsync(new UserForm { Email = "siti@jambiprov.go.id", FullName = "Siti", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");

        Assert.True(result.Succeeded);
        var page = await Users.ListAsync(new PageRequest(0, 25, Search: "siti"), new UserFilter());
        var row = Assert.Single(page.Items);
        Assert.Equal((AppRoles.Petugas, "UMK", true), (row.Role, row.DivisionCode, row.IsActive));
    }

    [Fact]
    public async Task Short_passwords_and_duplicate_emails_are_refused_with_a_message_in_indonesian()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new("id-ID");
        var tooShort = await Users.CreateAsync(new UserForm { Email = "a@b.id", FullName = "A", Role = AppRoles.Petugas, DivisionId = umk }, "pendek");
        await Users.CreateAsync(new UserForm { Email = "dup@b.id", FullName = "B", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        var duplicate = await Users.CreateAsync(new UserForm { Email = "dup@b.id", FullName = "C", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");

        var shortError = Assert.Single(tooShort.Errors);
        Assert.Equal("Password", shortError.Field);
        Assert.Equal("Kata sandi minimal 12 karakter.", shortError.Args[0]);
        Assert.Contains(duplicate.Errors, e => e.Field == nameof(UserForm.Email) && e.Args[0].ToString()!.Contains("sudah dipakai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_role_or_division_renews_the_security_stamp_so_open_sessions_sign_in_again()
    {
        await Users.CreateAsync(new UserForm { Email = "pindah@b.id", FullName = "Pindah", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        var id = (await Users.ListAsync(new PageRequest(0, 5, Search: "pindah"), new())).Items.Single().Id;
        var stampBefore = await StampAsync(id);
        var form = (await Users.GetAsync(id))!;
        form.Role = AppRoles.KepalaBidang;
        form.DivisionId = klm;

        var result = await Users.UpdateAsync(form);

        Assert.True(result.Succeeded);
        Assert.NotEqual(stampBefore, await StampAsync(id));
        var row = (await Users.ListAsync(new PageRequest(0, 5, Search: "pindah"), new())).Items.Single();
        Assert.Equal((AppRoles.KepalaBidang, "KLM"), (row.Role, row.DivisionCode));
    }

    [Fact]
    public async Task Editing_from_a_stale_form_is_a_conflict()
    {
        await Users.CreateAsync(new UserForm { Email = "dua@b.id", FullName = "Dua", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        var id = (await Users.ListAsync(new PageRequest(0, 5, Search: "dua@"), new())).Items.Single().Id;
        var first = (await Users.GetAsync(id))!;
        var second = (await Users.GetAsync(id))!;
        first.FullName = "Dua Pertama";
        second.FullName = "Dua Kedua";

        Assert.True((await Users.UpdateAsync(first)).Succeeded);
        Assert.True((await Users.UpdateAsync(second)).IsConflict);
        Assert.Equal("Dua Pertama", (await Users.GetAsync(id))!.FullName);
    }

    [Fact]
    public async Task Disabled_user_cannot_sign_in_and_gets_a_new_security_stamp()
    {
        await Users.CreateAsync(new UserForm { Email = "nonaktif@b.id", FullName = "N", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        var form = (await Users.GetAsync((await Users.ListAsync(new PageRequest(0, 5, Search: "nonaktif"), new())).Items.Single().Id))!;
        var stampBefore = await StampAsync(form.Id);

        Assert.True((await Users.SetActiveAsync(form.Id, active: false, form.ConcurrencyStamp)).Succeeded);

        Assert.NotEqual(stampBefore, await StampAsync(form.Id));
        await using var scope = app.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await userManager.FindByIdAsync(form.Id))!;
        Assert.False(user.IsActive);
        Assert.True(await userManager.CheckPasswordAsync(user, "kata-sandi-panjang"));
    }

    [Fact]
    public async Task Administrators_cannot_disable_or_demote_themselves()
    {
        await Users.CreateAsync(new UserForm { Email = "self@b.id", FullName = "Self", Role = AppRoles.Administrator, DivisionId = umk }, "kata-sandi-panjang");
        var form = (await Users.GetAsync((await Users.ListAsync(new PageRequest(0, 5, Search: "self@"), new())).Items.Single().Id))!;
        app.ActAs(AppRoles.Administrator, userId: form.Id);

        Assert.Equal("Users.CannotDisableSelf", Assert.Single((await Users.SetActiveAsync(form.Id, false, form.ConcurrencyStamp)).Errors).MessageKey);
        form.Role = AppRoles.Petugas;
        Assert.Equal("Users.CannotDemoteSelf", Assert.Single((await Users.UpdateAsync(form)).Errors).MessageKey);
    }

    [Fact]
    public async Task Reset_password_lets_the_user_sign_in_with_the_new_one_and_lifts_a_lockout()
    {
        await Users.CreateAsync(new UserForm { Email = "lupa@b.id", FullName = "Lupa", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        var id = (await Users.ListAsync(new PageRequest(0, 5, Search: "lupa"), new())).Items.Single().Id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await userManager.SetLockoutEndDateAsync((await userManager.FindByIdAsync(id))!, app.Clock.GetUtcNow().AddMinutes(15));
        }

        Assert.True((await Users.ResetPasswordAsync(id, "sandi-baru-yang-panjang")).Succeeded);

        await using var check = app.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await manager.FindByIdAsync(id))!;
        Assert.True(await manager.CheckPasswordAsync(user, "sandi-baru-yang-panjang"));
        Assert.False(await manager.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations()
    {
        await Users.CreateAsync(new UserForm { Email = "hash@b.id", FullName = "Hash", Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("hash@b.id"))!;

        // Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        var bytes = Convert.FromBase64String(user.PasswordHash!);
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.Equal(0x01, bytes[0]);
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    private async Task<string?> StampAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await userManager.FindByIdAsync(id))!.SecurityStamp;
    }
}
