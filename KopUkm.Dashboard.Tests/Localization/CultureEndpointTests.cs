using System.Net;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Localization;

/// <summary>/culture/set stores the choice and always sends the browser back to a path of this app, whatever it is given.</summary>
public sealed class CultureEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string> Targets => new()
    {
        { "/konten?status=Terbit", "/konten?status=Terbit" },
        { "/", "/" },
        { "", "/" },
        { "//evil.example/x", "/" },
        { "/\\evil.example", "/" },
        { "http://x", "/" },
        { "https://evil.example/", "/" },
        { "javascript:alert(1)", "/" },
        { "\0", "/" },
        { "/\0", "/" },
        { "/a\r\nSet-Cookie: x=1", "/" },
        { "/berita/pameran umkm", "/berita/pameran%20umkm" },
        { "/berita/koperasi-é", "/berita/koperasi-%C3%A9" },
        { "/" + new string('a', 5000), "/" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task The_culture_switch_redirects_to_a_local_path_whatever_it_is_given(string redirectUri, string expected)
    {
        var response = await HttpLogin.AnonymousClient(factory)
            .GetAsync("/culture/set?culture=en-US&redirectUri=" + Uri.EscapeDataString(redirectUri));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/culture/set")]
    [InlineData("/culture/set?culture=xx&redirectUri=%2Fkonten")]
    [InlineData("/culture/set?culture=en-US&redirectUri=%2F%2Fevil&redirectUri=%2Fkonten")]
    public async Task Odd_or_missing_parameters_still_redirect_and_never_fail(string path)
    {
        var response = await HttpLogin.AnonymousClient(factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
