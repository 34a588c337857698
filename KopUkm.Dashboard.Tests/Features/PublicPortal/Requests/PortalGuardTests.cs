using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Tests.Features.PublicPortal.Requests;

/// <summary>Abuse checks without a captcha: minimum fill time, honeypot, and the wrong-PIN limits.</summary>
public sealed class PortalGuardTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.Pinned();
    private readonly IOptions<PublicRequestOptions> options = Options.Create(new PublicRequestOptions());

    private PortalFormGuard Guard(IDataProtectionProvider? keys = null) => new(keys ?? Keys, options, clock);

    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    [Fact]
    public void A_form_sent_sooner_than_the_minimum_fill_time_is_refused_and_one_sent_later_is_accepted()
    {
        var guard = Guard();
        var token = guard.IssueStartToken();

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(guard.LooksHuman(token, null));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(guard.LooksHuman(token, ""));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(guard.LooksHuman(token, ""));
    }

    [Fact]
    public void A_filled_honeypot_a_missing_or_forged_start_time_is_refused()
    {
        var guard = Guard();
        var token = guard.IssueStartToken();
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(guard.LooksHuman(token, "http://spam.example"));
        Assert.False(guard.LooksHuman(null, null));
        Assert.False(guard.LooksHuman("1700000000000", null));
        Assert.False(guard.LooksHuman(Guard(new EphemeralDataProtectionProvider()).IssueStartToken(), null));
    }

    [Fact]
    public void Five_wrong_pins_lock_a_code_for_fifteen_minutes_whether_or_not_it_exists_and_an_address_is_limited_across_codes()
    {
        var limiter = new WrongPinLimiter(options, clock);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.IsAllowed("UMKM-2026-000001", "10.0.0.1"));
            limiter.RecordFailure("umkm-2026-000001", $"10.0.0.{i + 1}");
        }

        Assert.False(limiter.IsAllowed("UMKM-2026-000001", "10.0.0.9"));
        Assert.True(limiter.IsAllowed("UMKM-2026-000002", "10.0.0.9"));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(limiter.IsAllowed("UMKM-2026-000001", "10.0.0.9"));

        for (var i = 0; i < 20; i++)
        {
            limiter.RecordFailure($"TEBAK-{i}", "10.9.9.9");
        }

        Assert.False(limiter.IsAllowed("UMKM-2026-000003", "10.9.9.9"));
        Assert.True(limiter.IsAllowed("UMKM-2026-000003", "10.9.9.8"));
    }
}
