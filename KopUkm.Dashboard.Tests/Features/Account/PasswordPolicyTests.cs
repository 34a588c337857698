using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Account.Passwords;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.Users;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Account;

/// <summary>
/// ASVS 2.1.7: a password on the list of the 100,000 most common (as typed, in any case, or dressed up with digits
/// and symbols at its ends), one short piece repeated, or the user's own name or e-mail address is refused wherever a
/// password is set through Identity — the administrator's create and reset here, the own change in
/// <c>Web/ChangePasswordPolicyTests</c>, <c>create-admin</c> in <c>Host/OperatorCommandsTests</c>.
/// </summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private TestServices app = default!;
    private int umk;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = new("id-ID");
        app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.Administrator, userId: "the-admin");
        umk = (await app.Get<OrganizationService>().ListDivisionsAsync()).Single(d => d.Code == "UMK").Id;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private UserAdministrationService Users => app.Get<UserAdministrationService>();

    [Fact]
    public void The_bundled_list_holds_the_100000_most_common_passwords_and_is_read_case_insensitively()
    {
        Assert.InRange(CommonPasswords.Count, 95_000, 100_000);
        Assert.True(CommonPasswords.Contains("password"));
        Assert.True(CommonPasswords.Contains("PassWord"));
        Assert.True(CommonPasswords.Contains("qwertyuiop"));
        Assert.False(CommonPasswords.Contains("kata-sandi-panjang"));
    }

    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("PASSWORD1234")]
    [InlineData("Password2026!")]
    [InlineData("!!2026sunshine")]
    [InlineData("1qaz2wsx3edc4rfv")]
    [InlineData("iloveyou.1990")]
    [InlineData("abcabcabcabc")]
    [InlineData("zzzzzzzzzzzz")]
    public void Common_decorated_and_repeated_passwords_are_common(string password) =>
        Assert.True(PasswordPolicyValidator.IsCommon(password), password);

    [Theory]
    [InlineData(DemoUsers.Password)]
    [InlineData("kata-sandi-panjang")]
    [InlineData("kopi tubruk di tepi batanghari")]
    [InlineData("sandi-operator-2026")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(PasswordPolicyValidator.IsCommon(password), password);

    [Theory]
    [InlineData("Budi.Santoso2026")]
    [InlineData("santosobudi!!!!")]
    [InlineData("BUDI SANTOSO 1990")]
    [InlineData("budi.santoso@jambiprov.go.id")]
    [InlineData("budi_santoso_st")]
    [InlineData("b.santoso.123456")]
    public void The_users_own_name_or_address_in_any_dress_is_refused(string password) =>
        Assert.True(PasswordPolicyValidator.ResemblesUser(password, "Budi Santoso, S.T.", "budi.santoso@jambiprov.go.id"), password);

    [Theory]
    [InlineData("budi suka kopi hitam")]
    [InlineData(DemoUsers.Password)]
    [InlineData("jambiprov-go-id-kantor")]
    public void A_password_with_enough_of_its_own_passes(string password) =>
        Assert.False(PasswordPolicyValidator.ResemblesUser(password, "Budi Santoso, S.T.", "budi.santoso@jambiprov.go.id"), password);

    [Fact]
    public async Task Every_demo_account_keeps_its_published_password_under_the_policy()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedDemoUsersAsync();

        Assert.Equal(DemoUsers.All.Count, created);
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var demo in DemoUsers.All)
        {
            Assert.True(await userManager.CheckPasswordAsync((await userManager.FindByEmailAsync(demo.Email))!, DemoUsers.Password), demo.Email);
        }
    }

    [Fact]
    public async Task An_administrator_creating_an_account_with_a_common_password_gets_the_field_message_in_indonesian_and_nothing_is_created()
    {
        var result = await Users.CreateAsync(new UserForm { Email = "baru@jambiprov.go.id", FullName = "Rahmat Baru", Role = AppRoles.Petugas, DivisionId = umk }, "Password2026!");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Password", error.Field);
        Assert.StartsWith("Kata sandi ini terlalu umum", (string)error.Args[0], StringComparison.Ordinal);
        Assert.Empty((await Users.ListAsync(new(0, 5, Search: "baru@"), new())).Items);
    }

    [Fact]
    public async Task An_administrator_creating_an_account_whose_password_is_the_users_name_is_refused()
    {
        var result = await Users.CreateAsync(new UserForm { Email = "rahmat.hidayat@jambiprov.go.id", FullName = "Rahmat Hidayat", Role = AppRoles.Petugas, DivisionId = umk }, "RahmatHidayat#2026");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Password", error.Field);
        Assert.Equal("Kata sandi tidak boleh berupa nama atau alamat email Anda sendiri (juga bila ditambah angka atau tanda baca).", error.Args[0]);
    }

    [Fact]
    public async Task An_administrator_resetting_a_password_to_a_common_one_is_refused_and_the_old_password_stands()
    {
        var id = await app.CreateUserAsync("lupa.sandi@jambiprov.go.id", "Lupa Sandi", AppRoles.Petugas, umk);

        var common = await Users.ResetPasswordAsync(id, "qwertyuiop123");
        var own = await Users.ResetPasswordAsync(id, "lupa.sandi.2026");

        Assert.Equal(("newPassword", "Kata sandi ini terlalu umum"), (Assert.Single(common.Errors).Field, ((string)common.Errors[0].Args[0])[..27]));
        Assert.Equal("newPassword", Assert.Single(own.Errors).Field);
        await using var scope = app.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await userManager.CheckPasswordAsync((await userManager.FindByIdAsync(id))!, "kata-sandi-panjang"));
        Assert.True((await Users.ResetPasswordAsync(id, "kopi tubruk di tepi batanghari")).Succeeded);
    }

    [Fact]
    public async Task The_message_is_english_for_english_readers()
    {
        CultureInfo.CurrentUICulture = new("en-US");
        var result = await Users.CreateAsync(new UserForm { Email = "english@jambiprov.go.id", FullName = "English Reader", Role = AppRoles.Petugas, DivisionId = umk }, "sunshine12345");

        Assert.StartsWith("This password is too common", (string)Assert.Single(result.Errors).Args[0], StringComparison.Ordinal);
    }
}
