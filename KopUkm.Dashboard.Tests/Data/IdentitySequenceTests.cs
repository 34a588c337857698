using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Tests.Data;

/// <summary>
/// Rows saved with keys of their own (the demo seeders give ids) must not leave the next ordinary insert a key that
/// is already taken: PostgreSQL's identity sequences do not move for explicit keys, so start-up moves them.
/// </summary>
public abstract class IdentitySequenceTests(TestProvider provider) : IAsyncLifetime
{
    private TestServices app = default!;

    public sealed class OnSqlite() : IdentitySequenceTests(TestProvider.Sqlite);

    public sealed class OnPostgreSql() : IdentitySequenceTests(TestProvider.PostgreSql);

    public async Task InitializeAsync() => app = await TestServices.CreateAsync(provider: provider);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task After_rows_with_given_keys_the_next_insert_gets_a_free_key()
    {
        await using (var db = await app.DbAsync())
        {
            var largest = await db.Set<Division>().MaxAsync(d => d.Id);
            db.Set<Division>().AddRange(
                new Division { Id = largest + 1, Code = "DM1", Name = "Bidang Demo Satu" },
                new Division { Id = largest + 2, Code = "DM2", Name = "Bidang Demo Dua" });
            await db.SaveChangesAsync();
        }

        await DatabaseSetup.AdvanceIdentitySequencesAsync(app.Services);

        await using (var db = await app.DbAsync())
        {
            var added = new Division { Code = "DM3", Name = "Bidang Demo Tiga" };
            db.Add(added);
            await db.SaveChangesAsync();
            Assert.Equal(await db.Set<Division>().Where(d => d.Code != "DM3").MaxAsync(d => d.Id) + 1, added.Id);
        }
    }
}
