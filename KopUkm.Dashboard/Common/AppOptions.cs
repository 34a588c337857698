namespace KopUkm.Dashboard.Common;

/// <summary>Settings of the installation as the public reaches it (section <c>App</c>).</summary>
public sealed class AppOptions : ISettings
{
    /// <summary>
    /// The address the public uses to reach this app (scheme, host, optional port and path), for links in e-mails to
    /// applicants. Development uses http://localhost:5000; production sets the office's public name.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>An absolute link under <see cref="PublicBaseUrl"/>, e.g. <c>Link("lacak")</c>.</summary>
    public string Link(string relative) => PublicBaseUrl.TrimEnd('/') + "/" + relative.TrimStart('/');

    public IEnumerable<SettingProblem> Check() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? []
            : [new SettingProblem(nameof(PublicBaseUrl), "NotHttpAddress", PublicBaseUrl ?? "")];
}
