using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>Limits of the Open311 API (section <c>Open311</c>, docs/open311.md).</summary>
public sealed class Open311Options : ISettings
{
    public const string SectionName = "Open311";

    /// <summary>The most a list answers in one page (the standard's default cap).</summary>
    public const int MaxRows = 1000;

    /// <summary>The widest date range a list may ask for.</summary>
    public const int MaxRangeDays = 90;

    /// <summary>Calls accepted per API key per minute (every endpoint that is called with that key).</summary>
    public int RequestsPerMinutePerKey { get; set; } = 60;

    /// <summary>Calls without a key (the public reads) accepted per client address per minute.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 60;

    /// <summary>A key's "last used" time is written at most this often, so a busy client does not write on every call.</summary>
    public int LastUsedWriteMinutes { get; set; } = 5;

    /// <summary>The jurisdiction this server answers for; a request naming another is refused.</summary>
    public string JurisdictionId { get; set; } = "jambiprov.go.id";

    public IEnumerable<SettingProblem> Check() =>
    [
        .. SettingChecks.Range(nameof(RequestsPerMinutePerKey), RequestsPerMinutePerKey, 1, 100_000),
        .. SettingChecks.Range(nameof(AnonymousRequestsPerMinute), AnonymousRequestsPerMinute, 1, 100_000),
        .. SettingChecks.Range(nameof(LastUsedWriteMinutes), LastUsedWriteMinutes, 1, 1440),
        .. string.IsNullOrWhiteSpace(JurisdictionId) ? [new SettingProblem(nameof(JurisdictionId), "Empty")] : Array.Empty<SettingProblem>(),
    ];
}
