using Bunit;
using KopUkm.Dashboard.Components.Layout;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Components.Layout;

/// <summary>The app bar's bell over the real notification service on a real SQLite file.</summary>
public sealed class NotificationBellTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
        // SignInAs signs in "u-1"; the services read the same user through the test accessor.
        app.ActAs(AppRoles.Petugas, userId: "u-1");
        SignInAs(AppRoles.Petugas);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    private Task<bool> NotifyAsync(string userId, string key, int caseId = 1) =>
        app.Get<NotificationService>().NotifyAsync(userId, key, "case-assigned", "Notification.CaseAssigned", ["Dewi", "Koperasi Maju"], $"/koperasi/kasus/{caseId}");

    private static string BadgeText(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid=notification-count] .mud-badge").TextContent.Trim();

    [Fact]
    public void Shows_no_count_while_nothing_is_unread()
    {
        var bell = Render<NotificationBell>();

        bell.WaitForElement("[data-testid=notification-bell] button");
        Assert.Empty(bell.FindAll("[data-testid=notification-count] .mud-badge"));
    }

    [Fact]
    public async Task Shows_the_unread_count_and_follows_new_notifications_live()
    {
        await NotifyAsync("u-1", "a");
        await NotifyAsync("u-1", "b");
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", BadgeText(bell)));

        await NotifyAsync("u-2", "someone-else");
        await NotifyAsync("u-1", "c");

        bell.WaitForAssertion(() => Assert.Equal("3", BadgeText(bell)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_follows_its_link()
    {
        await NotifyAsync("u-1", "a", caseId: 7);
        await NotifyAsync("u-1", "b", caseId: 8);
        var popovers = Render<MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("2", BadgeText(bell)));

        await bell.Find("[data-testid=notification-bell] button").ClickAsync(new());
        popovers.WaitForElement("[data-notification]");
        Assert.Contains("Dewi menugaskan kasus Koperasi Maju kepada Anda.", popovers.Markup, StringComparison.Ordinal);
        Assert.Equal(2, popovers.FindAll(".notification-unread").Count);
        var oldest = popovers.FindAll("[data-notification]")[^1];
        await oldest.ClickAsync(new());

        Assert.EndsWith("/koperasi/kasus/7", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal(1, await app.Get<NotificationService>().CountUnreadAsync());
    }
}
