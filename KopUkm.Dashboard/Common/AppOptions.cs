namespace KopUkm.Dashboard.Common;

/// <summary>Facts about this installation (section <c>App</c>).</summary>
public sealed class AppOptions : ISettings
{
    public const string SectionName = "App";

    /// <summary>
    /// The address people open the app at, e.g. "https://layanan.dinaskopukm.jambiprov.go.id": links in e-mails are
    /// built on it, since a background job has no request to learn it from. Required once e-mail delivery is on.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An absolute link to <paramref name="path"/> (a path inside the app, e.g. "/layanan/12").</summary>
    public string Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = (PublicBaseUrl ?? "").TrimEnd('/');
        return root + (path.StartsWith('/') ? path : "/" + path);
    }

    public IEnumerable<SettingProblem> Check()
    {
        if (PublicBaseUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return new(nameof(PublicBaseUrl), "NotHttpAddress", url);
        }
    }
}
