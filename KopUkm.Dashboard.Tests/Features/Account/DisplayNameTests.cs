using System.Globalization;
using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Profile;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Users;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Account;

/// <summary>
/// A display name is what the history, notifications and assignee lists show, so nobody may take the system's name
/// ("Sistem", "System", a job's name — any case, any spacing) or another active user's, nor leave it blank: on the
/// profile page (the user's own) and on the users page (the administrator's), each with a field message in Indonesian.
/// </summary>
public sealed class DisplayNameTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;
    private string dewi = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        UseCulture("id-ID");
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
        dewi = await app.CreateUserAsync("dewi@jambiprov.go.id", "Dewi Lestari", AppRoles.Petugas, umk);
        await app.CreateUserAsync("budi@jambiprov.go.id", "Budi Santoso", AppRoles.Petugas, umk);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("Sistem", "Account.DisplayNameReserved")]
    [InlineData("  sIsTeM ", "Account.DisplayNameReserved")]
    [InlineData("Sis tem", "Account.DisplayNameReserved")]
    [InlineData("Sis\u200Btem", "Account.DisplayNameReserved")]
    [InlineData("SYSTEM", "Account.DisplayNameReserved")]
    [InlineData("Anonim", "Account.DisplayNameReserved")]
    [InlineData("pemantau sla", "Account.DisplayNameReserved")]
    [InlineData("budi santoso", "Account.DisplayNameTaken")]
    [InlineData("Budi   SANTOSO", "Account.DisplayNameTaken")]
    [InlineData("", "Validation.Required")]
    [InlineData("   ", "Validation.Required")]
    [InlineData("\u200B", "Validation.Required")]
    public async Task The_profile_refuses_the_systems_name_another_users_name_and_blanks(string name, string message)
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, dewi, "Dewi Lestari", "UMK");

        var result = await app.Get<ProfileService>().UpdateAsync(name, null);

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(MyProfile.FullName), message), (error.Field, error.MessageKey));
        Assert.Equal("Dewi Lestari", (await app.Get<ProfileService>().GetAsync())!.FullName);
    }

    [Fact]
    public async Task The_profile_accepts_a_new_name_of_ones_own_and_the_name_one_already_has()
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, dewi, "Dewi Lestari", "UMK");

        Assert.True((await app.Get<ProfileService>().UpdateAsync("Dewi Lestari", "081234567890")).Succeeded);
        Assert.True((await app.Get<ProfileService>().UpdateAsync("Dewi Lestari, S.H.", null)).Succeeded);
        Assert.Equal("Dewi Lestari, S.H.", (await app.Get<ProfileService>().GetAsync())!.FullName);
    }

    [Fact]
    public async Task A_disabled_users_name_is_free_again()
    {
        app.ActAs(AppRoles.Administrator, userId: "the-admin");
        var budi = (await app.Get<UserAdministrationService>().ListAsync(new PageRequest(0, 5, Search: "budi@"), new())).Items.Single();
        Assert.True((await app.Get<UserAdministrationService>().SetActiveAsync(budi.Id, false, budi.ConcurrencyStamp)).Succeeded);
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, dewi, "Dewi Lestari", "UMK");

        Assert.True((await app.Get<ProfileService>().UpdateAsync("Budi Santoso", null)).Succeeded);
    }

    [Fact]
    public void The_profile_page_shows_the_refusal_under_the_name_field_in_indonesian()
    {
        app.User.Current = FakeCurrentUser.As(AppRoles.Petugas, umk, dewi, "Dewi Lestari", "UMK");
        SignInAs(AppRoles.Petugas, umk);
        var page = Render<ProfilePage>();
        page.WaitForElement("input");

        page.FindAll("input")[0].Change("SISTEM");
        page.FindAll("button").Single(b => b.TextContent.Contains("Simpan", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("Nama ini dipakai oleh aplikasi sendiri", page.Markup, StringComparison.Ordinal));
        page.FindAll("input")[0].Change("budi  santoso");
        page.FindAll("button").Single(b => b.TextContent.Contains("Simpan", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Contains("Nama ini sudah dipakai pengguna aktif lain", page.Markup, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sistem", "Account.DisplayNameReserved")]
    [InlineData("SYSTEM", "Account.DisplayNameReserved")]
    [InlineData("DEWI lestari", "Account.DisplayNameTaken")]
    [InlineData(" ", "Validation.Required")]
    public async Task An_administrator_creating_an_account_gets_the_same_refusals(string name, string message)
    {
        app.ActAs(AppRoles.Administrator, userId: "the-admin");

        var result = await app.Get<UserAdministrationService>().CreateAsync(
            new UserForm { Email = "baru@jambiprov.go.id", FullName = name, Role = AppRoles.Petugas, DivisionId = umk }, "kata-sandi-panjang");

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(UserForm.FullName), message), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task An_administrator_renaming_an_account_gets_the_same_refusals_and_may_keep_its_name()
    {
        app.ActAs(AppRoles.Administrator, userId: "the-admin");
        var users = app.Get<UserAdministrationService>();
        var form = (await users.GetAsync(dewi))!;

        form.FullName = "budi santoso";
        var taken = await users.UpdateAsync(form);
        form.FullName = "sistem";
        var reserved = await users.UpdateAsync(form);
        form.FullName = "Dewi Lestari";
        form.Role = AppRoles.KepalaBidang;
        var kept = await users.UpdateAsync(form);

        Assert.Equal("Account.DisplayNameTaken", Assert.Single(taken.Errors).MessageKey);
        Assert.Equal("Account.DisplayNameReserved", Assert.Single(reserved.Errors).MessageKey);
        Assert.True(kept.Succeeded);
    }

    [Fact]
    public void The_messages_read_in_indonesian_and_english()
    {
        var L = app.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        Assert.StartsWith("Nama ini sudah dipakai pengguna aktif lain", L["Account.DisplayNameTaken"].Value, StringComparison.Ordinal);
        UseCulture("en-US");
        Assert.StartsWith("Another active user already has this name", L["Account.DisplayNameTaken"].Value, StringComparison.Ordinal);
    }
}
