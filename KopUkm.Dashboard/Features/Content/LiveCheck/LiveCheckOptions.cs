using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>Settings of the live-site checker (section <c>Content:LiveCheck</c>), following the office's crawling policy.</summary>
public sealed class LiveCheckOptions : ISettings
{
    public const string SectionName = "Content:LiveCheck";

    /// <summary>
    /// The office's public site, e.g. "https://dinaskopukm.jambiprov.go.id". Pages on this host (and its subdomains)
    /// are checked; empty turns the scheduled check off, as in demo installs.
    /// </summary>
    public string? SiteUrl { get; set; }

    /// <summary>When the scheduled check runs (cron, WIB); nightly by default, after the review-age pass.</summary>
    public string Schedule { get; set; } = "0 3 * * *";

    /// <summary>Sent with every request; its first token (before "/") is the name robots.txt groups are matched against.</summary>
    public string UserAgent { get; set; } = "KopUkmDashboard/1.0 (+Dinas Koperasi dan UKM Provinsi Jambi)";

    /// <summary>
    /// Requests per second to one host (scheme, host and port), robots.txt and link checks included. Requests to a host
    /// go one at a time, each starting 1/N s after the previous one finished, so the host never sees more than N a second.
    /// </summary>
    public double RequestsPerSecondPerHost { get; set; } = 1;

    /// <summary>Per request, until the whole body has arrived.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a fetched robots.txt is trusted; at most 24 hours (RFC 9309).</summary>
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Internal links checked per page (distinct, in page order); 0 turns link checks off.</summary>
    public int MaxLinksPerPage { get; set; } = 50;

    /// <summary>Hosts checked at the same time; pages of one host are always checked one after another.</summary>
    public int MaxConcurrentHosts { get; set; } = 4;

    /// <summary>Larger bodies are not read (the check reports an error).</summary>
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The product token robots.txt groups are matched against, e.g. "KopUkmDashboard".</summary>
    public string ProductToken
    {
        get
        {
            var token = UserAgent.Trim();
            var end = token.IndexOfAny(['/', ' ', '(']);
            return end < 0 ? token : token[..end];
        }
    }

    /// <summary>1/N s, rounded up to whole ticks: N intervals are never shorter than a second (1/3 s is 3,333,334 ticks).</summary>
    internal TimeSpan RequestInterval => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / RequestsPerSecondPerHost));

    internal static readonly TimeSpan MaxRobotsCacheDuration = TimeSpan.FromHours(24);

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public IEnumerable<SettingProblem> Check()
    {
        if (string.IsNullOrWhiteSpace(UserAgent) || ProductToken.Length == 0)
        {
            yield return new(nameof(UserAgent), "Empty");
        }

        if (RequestsPerSecondPerHost is <= 0 or double.NaN or double.PositiveInfinity)
        {
            yield return new(nameof(RequestsPerSecondPerHost), "OutOfRange", RequestsPerSecondPerHost, 0.01, 100);
        }

        foreach (var problem in SettingChecks.Positive(nameof(Timeout), Timeout))
        {
            yield return problem;
        }

        if (RobotsCacheDuration <= TimeSpan.Zero || RobotsCacheDuration > MaxRobotsCacheDuration)
        {
            yield return new(nameof(RobotsCacheDuration), "OutOfRange", RobotsCacheDuration, TimeSpan.FromSeconds(1), MaxRobotsCacheDuration);
        }

        foreach (var problem in SettingChecks.Range(nameof(MaxLinksPerPage), MaxLinksPerPage, 0, 10_000)
            .Concat(SettingChecks.Range(nameof(MaxConcurrentHosts), MaxConcurrentHosts, 1, 64))
            .Concat(SettingChecks.Range(nameof(MaxPageBytes), MaxPageBytes, 1024, 100 * 1024 * 1024))
            .Concat(SettingChecks.Cron(nameof(Schedule), Schedule)))
        {
            yield return problem;
        }

        if (SiteUrl is { Length: > 0 } site
            && (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new(nameof(SiteUrl), "NotHttpAddress", site);
        }
    }
}
