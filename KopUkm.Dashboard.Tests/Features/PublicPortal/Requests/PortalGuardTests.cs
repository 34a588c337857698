using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Tests.Features.PublicPortal.Requests;

/// <summary>Abuse checks without a captcha: minimum fill time and honeypot (the wrong-PIN limits: <see cref="WrongPinLimiterTests"/>).</summary>
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
}
