using System.Net;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// The user's own password change (the static form at /Account/Manage/ChangePassword) applies the same policy as
/// every other way of setting a password: a common password or one made of the user's own name is refused with the
/// Indonesian sentence, and the old password keeps working.
/// </summary>
public sealed partial class ChangePasswordPolicyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("petugas.umk@kopukm.demo", "sunshine2026!!", "Kata sandi ini terlalu umum")]
    [InlineData("petugas.klm@kopukm.demo", "Dewi.Lestari.1990", "Kata sandi tidak boleh berupa nama atau alamat email Anda sendiri")]
    [InlineData("kabid.umk@kopukm.demo", "kabid.umk2026", "Kata sandi tidak boleh berupa nama atau alamat email Anda sendiri")]
    public async Task A_common_password_or_the_users_own_name_is_refused_on_the_page_and_the_old_one_stands(string email, string newPassword, string sentence)
    {
        var client = await HttpLogin.SignedInClientAsync(factory, email, DemoUsers.Password);

        var response = await PostChangeAsync(client, DemoUsers.Password, newPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(sentence, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpLogin.PostLoginAsync(HttpLogin.AnonymousClient(factory), email, DemoUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task A_password_of_the_users_own_passes()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "staf.ti@kopukm.demo", DemoUsers.Password);

        var response = await PostChangeAsync(client, DemoUsers.Password, "kopi tubruk di tepi batanghari");

        Assert.Contains("data-testid=\"password-changed\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await HttpLogin.PostLoginAsync(HttpLogin.AnonymousClient(factory), "staf.ti@kopukm.demo", "kopi tubruk di tepi batanghari")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
