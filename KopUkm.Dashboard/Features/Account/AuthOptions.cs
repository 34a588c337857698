using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>Session settings (section <c>Auth</c>).</summary>
public sealed class AuthOptions : ISettings
{
    /// <summary>How soon a disabled user or a changed password ends open sessions, in cookies and circuits alike.</summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a sign-in lasts, however active the user: after it, sign in again.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts one client address may make per minute, whatever the accounts.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    public IEnumerable<SettingProblem> Check() =>
        [.. SettingChecks.Positive(nameof(SessionRevalidationInterval), SessionRevalidationInterval), .. SettingChecks.Positive(nameof(AbsoluteSessionLifetime), AbsoluteSessionLifetime),
            .. SettingChecks.Range(nameof(LoginAttemptsPerMinute), LoginAttemptsPerMinute, 1, 10_000)];
}
