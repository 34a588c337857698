using System.Net;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>A test client's cookies, kept where a test can read them (to replay a cookie elsewhere, as a thief would).</summary>
public sealed class CookieJar : DelegatingHandler
{
    public CookieContainer Cookies { get; } = new();

    /// <summary>The named cookie as a request header value, e.g. <c>KopUkm.Auth=…</c>.</summary>
    public string Header(Uri site, string name) =>
        Cookies.GetCookies(site).Single(c => c.Name == name) is var cookie ? $"{cookie.Name}={cookie.Value}" : "";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = Cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }
}
