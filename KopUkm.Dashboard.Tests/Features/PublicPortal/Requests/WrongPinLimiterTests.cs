using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.PublicPortal.Requests;

/// <summary>
/// The wrong-PIN limits (5 per code, 20 per address in 15 minutes) on both databases, with two app instances on one
/// database as behind a load balancer: guesses spread over both count together, and a burst of simultaneous guesses
/// gets no more checks than the limit.
/// </summary>
public abstract class WrongPinLimiterTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : WrongPinLimiterTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : WrongPinLimiterTests(TestProvider.PostgreSql);

    private const string Code = "UMKM-2026-000001";

    private TestServices a = default!;
    private TestServices b = default!;

    private WrongPinLimiter OnA => a.Services.GetRequiredService<WrongPinLimiter>();

    private WrongPinLimiter OnB => b.Services.GetRequiredService<WrongPinLimiter>();

    public async Task InitializeAsync()
    {
        a = await TestServices.CreateAsync(provider: provider);
        b = await a.AnotherInstanceAsync();
    }

    public async Task DisposeAsync()
    {
        await b.DisposeAsync();
        await a.DisposeAsync();
    }

    [Fact]
    public async Task Five_wrong_pins_lock_a_code_for_fifteen_minutes_whether_or_not_it_exists_and_an_address_is_limited_across_codes()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await OnA.TryBeginAsync(i == 0 ? "umkm-2026-000001 " : Code, $"10.0.0.{i + 1}"));
        }

        Assert.Null(await OnA.TryBeginAsync(Code, "10.0.0.9"));
        Assert.NotNull(await OnA.TryBeginAsync("UMKM-2026-000002", "10.0.0.9"));
        Advance(TimeSpan.FromMinutes(15));
        Assert.NotNull(await OnA.TryBeginAsync(Code, "10.0.0.9"));

        for (var i = 0; i < 20; i++)
        {
            Assert.NotNull(await OnA.TryBeginAsync($"TEBAK-{i}", "10.9.9.9"));
        }

        Assert.Null(await OnA.TryBeginAsync("UMKM-2026-000003", "10.9.9.9"));
        Assert.NotNull(await OnA.TryBeginAsync("UMKM-2026-000003", "10.9.9.8"));
    }

    [Fact]
    public async Task Wrong_pins_split_over_two_instances_lock_the_code_on_both_until_the_window_has_passed()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await (i % 2 == 0 ? OnA : OnB).TryBeginAsync(Code, $"10.0.1.{i + 1}"));
            Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Null(await OnA.TryBeginAsync(Code, "10.0.1.9"));
        Assert.Null(await OnB.TryBeginAsync(Code, "10.0.1.9"));

        // Sliding: the first guess (made on A) drops out fifteen minutes after it was made, letting one more through.
        Advance(TimeSpan.FromMinutes(10));
        var next = await OnB.TryBeginAsync(Code, "10.0.1.9");
        Assert.NotNull(next);
        Assert.Null(await OnA.TryBeginAsync(Code, "10.0.1.9"));
    }

    [Fact]
    public async Task A_right_pin_and_a_refused_attempt_do_not_count_as_wrong_pins()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.NotNull(await OnA.TryBeginAsync(Code, "10.0.2.1"));
        }

        // The applicant finds the right PIN on B: forgiven, so one wrong PIN is still allowed, then the code locks.
        await (await OnB.TryBeginAsync(Code, "10.0.2.1"))!.ForgiveAsync();
        Assert.NotNull(await OnB.TryBeginAsync(Code, "10.0.2.1"));
        Assert.Null(await OnA.TryBeginAsync(Code, "10.0.2.1"));

        // Knocking on a locked code does not keep it locked longer: the lock ends with the window of the guesses.
        for (var i = 0; i < 10; i++)
        {
            Advance(TimeSpan.FromMinutes(1));
            Assert.Null(await (i % 2 == 0 ? OnA : OnB).TryBeginAsync(Code, "10.0.2.2"));
        }

        Advance(TimeSpan.FromMinutes(5));
        Assert.NotNull(await OnA.TryBeginAsync(Code, "10.0.2.2"));
    }

    [Fact]
    public async Task A_burst_of_simultaneous_guesses_on_two_instances_gets_no_more_checks_than_the_limit()
    {
        var started = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => (i % 2 == 0 ? OnA : OnB).TryBeginAsync(Code, $"10.0.3.{i}"))));
        var checks = started.Count(s => s is not null);

        Assert.InRange(checks, 0, 5);
        // The refused ones were taken back: exactly the rest of the five are still allowed.
        for (var i = checks; i < 5; i++)
        {
            Assert.NotNull(await OnB.TryBeginAsync(Code, "10.0.3.200"));
        }

        Assert.Null(await OnA.TryBeginAsync(Code, "10.0.3.201"));
    }

    /// <summary>Both instances read one time, as two servers with synchronised clocks do.</summary>
    private void Advance(TimeSpan by)
    {
        a.Clock.Advance(by);
        b.Clock.Advance(by);
    }
}
