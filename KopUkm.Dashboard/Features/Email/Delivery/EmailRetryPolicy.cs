namespace KopUkm.Dashboard.Features.Email.Delivery;

/// <summary>When a message that failed is tried again: 1, 5, 15, 60 minutes, then every 4 hours, up to the last attempt.</summary>
public static class EmailRetryPolicy
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromHours(4),
    ];

    /// <summary>The wait after the <paramref name="failedAttempts"/>-th failed try (1-based).</summary>
    public static TimeSpan DelayAfter(int failedAttempts) =>
        Delays[Math.Clamp(failedAttempts, 1, Delays.Length) - 1];
}
