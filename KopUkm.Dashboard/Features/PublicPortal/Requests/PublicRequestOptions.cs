using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>Limits of the public request and tracking pages (section <c>PublicRequests</c>).</summary>
public sealed class PublicRequestOptions : ISettings
{
    /// <summary>Form posts (submit, look up, answer, close, reopen) accepted per client address per minute.</summary>
    public int PostsPerMinute { get; set; } = 10;

    /// <summary>A request form sent sooner than this after it was shown is refused: people take longer than bots.</summary>
    public int MinFillSeconds { get; set; } = 5;

    /// <summary>Wrong PINs accepted per tracking code within <see cref="WrongPinWindowMinutes"/>.</summary>
    public int WrongPinsPerCode { get; set; } = 5;

    /// <summary>Wrong PINs accepted per client address within <see cref="WrongPinWindowMinutes"/>, whatever the code.</summary>
    public int WrongPinsPerAddress { get; set; } = 20;

    public int WrongPinWindowMinutes { get; set; } = 15;

    /// <summary>How long the tracking cookie opens one request after the code and PIN (or the e-mail link) were given.</summary>
    public int TrackingCookieMinutes { get; set; } = 30;

    public IEnumerable<SettingProblem> Check() =>
    [
        .. SettingChecks.Range(nameof(PostsPerMinute), PostsPerMinute, 1, 10000),
        .. SettingChecks.Range(nameof(MinFillSeconds), MinFillSeconds, 0, 600),
        .. SettingChecks.Range(nameof(WrongPinsPerCode), WrongPinsPerCode, 1, 100),
        .. SettingChecks.Range(nameof(WrongPinsPerAddress), WrongPinsPerAddress, 1, 10000),
        .. SettingChecks.Range(nameof(WrongPinWindowMinutes), WrongPinWindowMinutes, 1, 1440),
        .. SettingChecks.Range(nameof(TrackingCookieMinutes), TrackingCookieMinutes, 1, 1440),
    ];
}
