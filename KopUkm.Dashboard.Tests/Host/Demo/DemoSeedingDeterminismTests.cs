using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Host.Demo;

/// <summary>
/// "The same demo for the same day": the whole Development demo (accounts, register and cases, a year of tickets,
/// content, IT tasks, then the backfills) seeded into two fresh SQLite databases, at 09:00 and at 15:30 of the same
/// pinned day, writes the same rows. Two seedings of one day used to differ (385 vs 367 handoffs): the generators
/// worked up to the exact moment, so every later draw shifted.
/// </summary>
public sealed class DemoSeedingDeterminismTests
{
    // What differs legitimately between two seedings: row versions and audit stamps, and the SLA snapshot columns the
    // projector computes as of the moment (states, minutes left, when refreshed) — they follow the clock all day.
    private static readonly string[] LiveColumns =
        ["Version", "FirstResponseSla", "ResolutionSla", "ResolutionMinutesLeft", "EverBreached", "SlaRefreshedAtUtc", "ConcurrencyStamp", "SecurityStamp", "PasswordHash"];

    private static readonly string[] TablesThatMatter =
        ["Ticket", "TicketEvent", "TicketHandoff", "Cooperative", "RegistrationCase", "CaseEvent", "CaseDocument", "ContentItem", "ContentEvent", "ContentCheck", "ItTask", "ItTaskEvent", "AspNetUsers"];

    [Fact]
    public async Task Two_seedings_of_the_same_day_write_the_same_rows()
    {
        var morning = await SeedAsync(TimeSpan.Zero);
        var afternoon = await SeedAsync(TimeSpan.FromHours(6.5));

        Assert.True(morning.Counts["TicketHandoff"] > 100, "the demo has handoffs");
        // One line per table, so a failure names the tables that differ (385 vs 367 handoffs, say).
        Assert.Equal(
            string.Join("\n", morning.Counts.Select(c => $"{c.Key} {c.Value}")),
            string.Join("\n", afternoon.Counts.Select(c => $"{c.Key} {c.Value}")));
        Assert.Equal(
            string.Join("\n", TablesThatMatter.Select(t => $"{t} {morning.Checksums[t]}")),
            string.Join("\n", TablesThatMatter.Select(t => $"{t} {afternoon.Checksums[t]}")));
    }

    private static async Task<Snapshot> SeedAsync(TimeSpan laterThatDay)
    {
        await using var app = await TestServices.CreateAsync();
        app.Clock.Advance(laterThatDay);
        await app.Get<DemoDataSeeder>().SeedDemoUsersAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var seeder in StartupTasks.DemoSeeders(scope.ServiceProvider))
            {
                await seeder.SeedDemoAsync(seed: null);
            }

            await StartupTasks.BackfillAsync(scope.ServiceProvider);
        }

        return await ReadAsync(Path.Combine(app.DataFolder, "kopukm.db"));
    }

    private static async Task<Snapshot> ReadAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // User ids are fresh GUIDs on every seeding; rows refer to people by e-mail here instead.
        var emails = new Dictionary<string, string>();
        await using (var users = connection.CreateCommand())
        {
            users.CommandText = "SELECT Id, Email FROM AspNetUsers";
            await using var reader = await users.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                emails[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var checksums = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
            if (!TablesThatMatter.Contains(table))
            {
                continue;
            }

            command.CommandText = table == "AspNetUsers" ? "SELECT * FROM AspNetUsers ORDER BY Email" : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                var line = new StringBuilder();
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var name = rows.GetName(i);
                    if (LiveColumns.Contains(name) || (table == "AspNetUsers" && name == "Id"))
                    {
                        continue;
                    }

                    var value = rows.IsDBNull(i) ? "∅" : Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture)!;
                    line.Append(emails.GetValueOrDefault(value, value)).Append('|');
                }

                hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
            }

            checksums[table] = Convert.ToHexString(hash.GetHashAndReset());
        }

        return new Snapshot(counts, checksums);
    }

    private sealed record Snapshot(SortedDictionary<string, long> Counts, Dictionary<string, string> Checksums);
}
