using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Features.Notifications;

public abstract class NotificationServiceTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : NotificationServiceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : NotificationServiceTests(TestProvider.PostgreSql);

    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    private NotificationService Notifications => app.Get<NotificationService>();

    private Task<bool> NotifyAsync(string userId, string key, params string[] args) =>
        Notifications.NotifyAsync(userId, key, "test", "Notification.CaseAssigned", args, "/koperasi/kasus/1");

    [Fact]
    public async Task The_same_key_for_the_same_user_is_written_once_and_the_rerun_reports_false()
    {
        Assert.True(await NotifyAsync("u-1", "case:1:assigned:v2"));
        Assert.False(await NotifyAsync("u-1", "case:1:assigned:v2"));

        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Set<Notification>().CountAsync());
    }

    [Fact]
    public async Task Racing_writers_of_the_same_key_insert_one_row_and_the_losers_report_false()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => NotifyAsync("u-1", "ticket:9:at-risk:resolution"))));

        Assert.Single(results, r => r);
        await using var db = await app.DbAsync();
        Assert.Equal(1, await db.Set<Notification>().CountAsync());
    }

    [Fact]
    public async Task The_same_key_for_two_users_notifies_both()
    {
        Assert.True(await NotifyAsync("u-1", "ticket:123:at-risk:resolution"));
        Assert.True(await NotifyAsync("u-2", "ticket:123:at-risk:resolution"));

        await using var db = await app.DbAsync();
        Assert.Equal(["u-1", "u-2"], await db.Set<Notification>().OrderBy(n => n.UserId).Select(n => n.UserId).ToListAsync());
    }

    [Fact]
    public async Task Notifications_stay_out_of_the_audit_trail()
    {
        await NotifyAsync("u-1", "k-1");
        app.ActAs(AppRoles.Petugas, userId: "u-1");
        await Notifications.MarkAllReadAsync();

        await using var db = await app.DbAsync();
        Assert.Empty(await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Notification)).ToListAsync());
    }

    [Fact]
    public async Task Links_outside_the_app_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Notifications.NotifyAsync("u-1", "k", "test", "Notification.CaseAssigned", [], "https://example.com/phish"));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Notifications.NotifyAsync("u-1", "k", "test", "Notification.CaseAssigned", [], "//example.com"));
    }

    [Fact]
    public async Task Unread_count_falls_as_the_user_marks_one_and_then_all_read()
    {
        await NotifyAsync("u-1", "a");
        await NotifyAsync("u-1", "b");
        await NotifyAsync("u-1", "c");
        await NotifyAsync("u-2", "a");
        app.ActAs(AppRoles.Petugas, userId: "u-1");
        Assert.Equal(3, await Notifications.CountUnreadAsync());

        var first = (await Notifications.ListAsync(new PageRequest(0, 10))).Items[0];
        await Notifications.MarkReadAsync(first.Id);
        Assert.Equal(2, await Notifications.CountUnreadAsync());

        Assert.Equal(2, await Notifications.MarkAllReadAsync());
        Assert.Equal(0, await Notifications.CountUnreadAsync());
        Assert.All((await Notifications.ListAsync(new PageRequest(0, 10))).Items, n => Assert.True(n.IsRead));

        app.ActAs(AppRoles.Petugas, userId: "u-2");
        Assert.Equal(1, await Notifications.CountUnreadAsync());
    }

    [Fact]
    public async Task A_user_cannot_mark_someone_elses_notification_read()
    {
        await NotifyAsync("u-2", "theirs");
        app.ActAs(AppRoles.Petugas, userId: "u-2");
        var theirs = (await Notifications.ListAsync(new PageRequest(0, 10))).Items.Single();

        app.ActAs(AppRoles.Administrator, userId: "u-1");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Notifications.MarkReadAsync(theirs.Id));
        Assert.Empty((await Notifications.ListAsync(new PageRequest(0, 10))).Items);

        app.ActAs(AppRoles.Petugas, userId: "u-2");
        Assert.Equal(1, await Notifications.CountUnreadAsync());
    }

    [Fact]
    public async Task Reading_needs_a_signed_in_user()
    {
        app.User.Current = UserContext.System;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Notifications.CountUnreadAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Notifications.ListAsync(new PageRequest(0, 10)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Notifications.MarkAllReadAsync());
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_the_stored_arguments()
    {
        for (var i = 1; i <= 5; i++)
        {
            await NotifyAsync("u-1", $"k-{i}", "Dewi", $"Koperasi {i}");
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        app.ActAs(AppRoles.Petugas, userId: "u-1");
        var first = await Notifications.ListAsync(new PageRequest(0, 2));
        var last = await Notifications.ListAsync(new PageRequest(2, 2));

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(["Koperasi 5", "Koperasi 4"], first.Items.Select(n => n.Args[1]));
        Assert.Equal(["Koperasi 1"], last.Items.Select(n => n.Args[1]));
        Assert.True(first.Items[0].CreatedAtUtc > first.Items[1].CreatedAtUtc);
    }

    [Fact]
    public async Task A_new_notification_tells_subscribers_whose_bell_to_refresh()
    {
        var heard = new TaskCompletionSource<ChangeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = app.Get<ChangeNotifier>().Subscribe(ChangeTopic.Notifications, e => { heard.TrySetResult(e); return Task.CompletedTask; });

        await NotifyAsync("u-7", "k");

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("u-7", change.ScopeKey);
    }
}
