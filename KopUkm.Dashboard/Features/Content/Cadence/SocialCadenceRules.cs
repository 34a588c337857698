using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Content.Cadence;

/// <summary>
/// The posting-cadence rule, pure (docs/content.md, "Social cadence"): days since the last post are counted in
/// WIB calendar days, and a channel is late once that exceeds its target.
/// </summary>
public static class SocialCadenceRules
{
    /// <summary>Calendar days (WIB) from the last post to now; a post earlier today is 0 days ago.</summary>
    public static int DaysSince(DateTime lastPostUtc, DateTime nowUtc) =>
        DateOnly.FromDateTime(WibTime.ToWib(nowUtc)).DayNumber - DateOnly.FromDateTime(WibTime.ToWib(lastPostUtc)).DayNumber;

    /// <summary>No post yet; without a target nothing to judge; late when more days than the target have passed.</summary>
    public static CadenceStatus Status(int? daysSince, int? targetDays) => (daysSince, targetDays) switch
    {
        (null, _) => CadenceStatus.NoPosts,
        (_, null) => CadenceStatus.NoTarget,
        ({ } days, { } target) when days > target => CadenceStatus.Late,
        _ => CadenceStatus.OnTrack,
    };
}

public enum CadenceStatus
{
    OnTrack = 1,
    Late = 2,
    NoPosts = 3,
    NoTarget = 4,
}
