using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// Bulk inserts (the demo and scale seeders) store rows as a save would, on both databases: keys the caller gives are
/// kept, keys left at zero are numbered by the database, and an ordinary save afterwards gets a fresh key (on
/// PostgreSQL the identity sequence has to be moved past the given keys).
/// </summary>
public abstract class BulkInsertTests(TestProvider provider) : IAsyncLifetime
{
    public sealed class OnSqlite() : BulkInsertTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : BulkInsertTests(TestProvider.PostgreSql);

    private static readonly DateTime At = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Unspecified);

    private TestServices app = default!;

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Given_keys_are_kept_missing_ones_numbered_and_a_later_save_gets_a_new_key()
    {
        await using (var db = await app.DbAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var written = BulkInsert.Rows(db, [Row(1000, "a"), Row(1001, "b")]);
            written += BulkInsert.Rows(db, [Row(0, "c")]);
            await transaction.CommitAsync();
            Assert.Equal(3, written);
        }

        await using (var db = await app.DbAsync())
        {
            db.Add(Row(0, "d"));
            await db.SaveChangesAsync();
        }

        await using var check = await app.DbAsync();
        var rows = await check.Set<Notification>().OrderBy(n => n.Key).ToListAsync();
        Assert.Equal(["a", "b", "c", "d"], rows.Select(r => r.Key));
        Assert.Equal([1000L, 1001L], rows.Take(2).Select(r => r.Id));
        Assert.Equal(4, rows.Select(r => r.Id).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(At, r.CreatedAtUtc));
    }

    private static Notification Row(long id, string key) => new()
    {
        Id = id,
        UserId = "bulk-user",
        Key = key,
        Kind = "Test",
        MessageKey = "Notification.Test",
        Link = "/",
        CreatedAtUtc = At,
    };
}
