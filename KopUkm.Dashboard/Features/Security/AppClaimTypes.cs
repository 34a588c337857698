namespace KopUkm.Dashboard.Features.Security;

/// <summary>Claims the app adds to Identity's own, so every request and circuit knows the user's division.</summary>
public static class AppClaimTypes
{
    public const string DivisionId = "kopukm:division_id";
    public const string DivisionCode = "kopukm:division_code";
    public const string FullName = "kopukm:full_name";

    /// <summary>When the user signed in (UTC, round-trip format): the start of the absolute session lifetime.</summary>
    public const string SessionStartedAt = "kopukm:session_started_at";
}
