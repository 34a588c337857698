using Bunit;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static KopUkm.Dashboard.Tests.Components.Shared.LiveUpdatesHost;

namespace KopUkm.Dashboard.Tests.Components.Shared;

/// <summary>The one piece every live page uses: it reloads on a change elsewhere and says who made it.</summary>
public sealed class LiveUpdatesTests : AppBunitContext
{
    private static readonly DateTime At = TestClock.Start.UtcDateTime;

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.Pinned();
    private readonly ChangeNotifier changes;

    public LiveUpdatesTests()
    {
        // The context's own services are built by now: what it lacks comes from a small provider of its own.
        var own = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ChangeNotifier>()
            .BuildServiceProvider();
        Services.AddFallbackServiceProvider(own);
        changes = own.GetRequiredService<ChangeNotifier>();
        // The signed-in user is "Penguji Satu".
        SignInAs(AppRoles.Petugas);
    }

    private ChangeNotifier Changes => changes;

    [Fact]
    public async Task A_change_made_elsewhere_reloads_the_page_and_names_who_made_it()
    {
        var shown = new ShownRecord(1, "Penguji Satu", At);
        var page = Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () => shown));
        Assert.Empty(page.FindAll("[data-testid=live-updated-by]"));

        shown = new ShownRecord(2, "Hendra Gunawan", At.AddMinutes(5));
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets, "7");

        page.WaitForAssertion(() =>
        {
            Assert.Equal("1", page.Find("#loads").TextContent);
            Assert.Equal("Diperbarui oleh Hendra Gunawan · 23 Nov 2026 09.05 WIB", page.Find("[data-testid=live-updated-by]").TextContent.Trim());
        });
    }

    [Fact]
    public async Task A_note_added_elsewhere_is_reported_though_the_record_version_stays()
    {
        var shown = new ShownRecord(3, "Penguji Satu", At);
        var page = Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () => shown));

        shown = new ShownRecord(3, "Hendra Gunawan", At.AddMinutes(2));
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);

        page.WaitForAssertion(() => Assert.Contains("Hendra Gunawan", page.Find("[data-testid=live-updated-by]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_users_own_change_reloads_the_page_without_a_hint()
    {
        var shown = new ShownRecord(1, "Hendra Gunawan", At);
        var page = Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () => shown));

        shown = new ShownRecord(2, "Penguji Satu", At.AddMinutes(1));
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#loads").TextContent));
        Assert.Empty(page.FindAll("[data-testid=live-updated-by]"));
    }

    [Fact]
    public async Task A_burst_of_changes_reloads_at_once_and_then_once_more_after_a_second()
    {
        var shown = new ShownRecord(1, "Penguji Satu", At);
        var page = Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () => shown));

        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);
        page.WaitForAssertion(() => Assert.Equal("1", page.Find("#loads").TextContent));
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);
        Assert.Equal("1", page.Find("#loads").TextContent);

        clock.Advance(ChangeNotifier.PageRefreshWindow);

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("#loads").TextContent));
    }

    [Fact]
    public async Task Other_topics_and_a_closed_page_are_not_heard()
    {
        var reads = 0;
        Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () =>
        {
            reads++;
            return new ShownRecord(1, "Penguji Satu", At);
        }));

        await Changes.PublishAndWaitAsync(ChangeTopic.Content);
        await Renderer.DisposeComponents();
        await Changes.PublishAndWaitAsync(ChangeTopic.Tickets);

        // Only the first load read the record: neither the other topic nor a change after closing reached the page.
        Assert.Equal(1, reads);
    }

    [Fact]
    public void A_prerendered_page_does_not_listen()
    {
        SetRendererInfo(new RendererInfo("Static", false));
        var page = Render<LiveUpdatesHost>(p => p.Add(h => h.Source, () => new ShownRecord(1, "Penguji Satu", At)));

        Assert.Equal("off", page.Find("[data-testid=live-updates]").GetAttribute("data-live"));
    }
}
