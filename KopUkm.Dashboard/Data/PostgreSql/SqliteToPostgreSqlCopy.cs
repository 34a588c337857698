using Microsoft.Data.Sqlite;
using Npgsql;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>Rows of one table copied so far (reported per batch and when the table is done).</summary>
public sealed record CopyProgress(string Table, long Rows, long Total);

/// <summary>What a copy wrote.</summary>
public sealed record CopyResult(int Tables, long Rows, int Keys, int Attachments, int Sequences);

/// <summary>
/// Moves an office's data from a SQLite snapshot into an empty, migrated PostgreSQL database, inside the caller's
/// transaction: the foreign keys are dropped for the copy and created again afterwards (so rows go in by table in key
/// order whatever points where, and re-creating them proves every reference holds), each table goes in through
/// Npgsql's binary COPY in batches, the data protection key ring moves from <c>data/keys</c> into
/// <c>DataProtectionKeys</c>, the applicants' files from <c>data/attachments</c> into <c>TicketAttachmentContents</c>, and every identity column's sequence continues after the largest copied id.
/// </summary>
public static class SqliteToPostgreSqlCopy
{
    public const int BatchRows = 10_000;

    /// <summary>The migrations the source lacks (behind) and those this build does not know (ahead), oldest first.</summary>
    public static async Task<(IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown, string? LastApplied)> SourceLevelAsync(
        SqliteConnection source, IEnumerable<string> known, CancellationToken ct = default)
    {
        var applied = new List<string>();
        await using (var exists = source.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                await using var command = source.CreateCommand();
                command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
        }

        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var appliedSet = applied.ToHashSet(StringComparer.Ordinal);
        return (
            [.. knownSet.Where(m => !appliedSet.Contains(m)).Order(StringComparer.Ordinal)],
            [.. applied.Where(m => !knownSet.Contains(m))],
            applied.LastOrDefault());
    }

    /// <summary>The first of <paramref name="tables"/> (those that exist) holding a row, or null when all are empty.</summary>
    public static async Task<string?> FirstNonEmptyTableAsync(NpgsqlConnection target, IEnumerable<string> tables, NpgsqlTransaction? transaction = null, CancellationToken ct = default)
    {
        foreach (var table in tables.Order(StringComparer.Ordinal))
        {
            await using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", target, transaction))
            {
                exists.Parameters.AddWithValue("name", CopyPlan.Quote(table));
                if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
                {
                    continue;
                }
            }

            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {CopyPlan.Quote(table)})", target, transaction);
            if ((bool)(await any.ExecuteScalarAsync(ct))!)
            {
                return table;
            }
        }

        return null;
    }

    public static async Task<CopyResult> CopyAsync(
        CopyPlan plan, SqliteConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, string keysFolder, string attachmentsFolder, IProgress<CopyProgress> progress, CancellationToken ct = default)
    {
        var foreignKeys = await ForeignKeysAsync(target, transaction, ct);
        foreach (var (table, name, _) in foreignKeys)
        {
            await ExecuteAsync(target, transaction, $"ALTER TABLE {table} DROP CONSTRAINT {CopyPlan.Quote(name)}", ct);
        }

        long rows = 0;
        foreach (var table in plan.Tables)
        {
            rows += await CopyTableAsync(table, source, target, progress, ct);
        }

        var keys = await CopyKeysAsync(target, transaction, keysFolder, ct);
        var attachments = await CopyAttachmentsAsync(target, transaction, attachmentsFolder, ct);
        foreach (var (table, name, definition) in foreignKeys)
        {
            await ExecuteAsync(target, transaction, $"ALTER TABLE {table} ADD CONSTRAINT {CopyPlan.Quote(name)} {definition}", ct);
        }

        var sequences = await ContinueSequencesAsync(target, transaction, ct);
        return new CopyResult(plan.Tables.Count, rows, keys, attachments, sequences);
    }

    private static async Task<long> CopyTableAsync(CopyTable table, SqliteConnection source, NpgsqlConnection target, IProgress<CopyProgress> progress, CancellationToken ct)
    {
        long total;
        await using (var count = source.CreateCommand())
        {
            count.CommandText = $"SELECT count(*) FROM {CopyPlan.Quote(table.Name)}";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        var copy = $"COPY {CopyPlan.Quote(table.Name)} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)";
        long rows = 0;
        await using var read = source.CreateCommand();
        read.CommandText = table.SqliteSelect;
        await using var reader = await read.ExecuteReaderAsync(ct);
        var more = await reader.ReadAsync(ct);
        while (more)
        {
            await using (var importer = await target.BeginBinaryImportAsync(copy, ct))
            {
                importer.Timeout = TimeSpan.Zero;
                var inBatch = 0;
                while (more && inBatch < BatchRows)
                {
                    await importer.StartRowAsync(ct);
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        var column = table.Columns[i];
                        var value = column.ToTarget(column.ReadSource(reader, i));
                        if (value is null)
                        {
                            await importer.WriteNullAsync(ct);
                        }
                        else
                        {
                            await importer.WriteAsync(value, column.DbType, ct);
                        }
                    }

                    inBatch++;
                    more = await reader.ReadAsync(ct);
                }

                await importer.CompleteAsync(ct);
                rows += inBatch;
            }

            progress.Report(new CopyProgress(table.Name, rows, total));
        }

        if (rows == 0)
        {
            progress.Report(new CopyProgress(table.Name, 0, 0));
        }

        return rows;
    }

    private static async Task<int> CopyKeysAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string keysFolder, CancellationToken ct)
    {
        var keys = CopyVerification.KeyFiles(keysFolder);
        foreach (var (name, xml) in keys)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {CopyPlan.Quote(CopyPlan.KeysTable)} (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)", target, transaction);
            insert.Parameters.AddWithValue("name", name);
            insert.Parameters.AddWithValue("xml", xml);
            await insert.ExecuteNonQueryAsync(ct);
        }

        return keys.Count;
    }

    /// <summary>Each file of the attachment folder becomes one row, its name the key (at most 5 MB each: read whole).</summary>
    private static async Task<int> CopyAttachmentsAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string attachmentsFolder, CancellationToken ct)
    {
        var files = CopyVerification.AttachmentFiles(attachmentsFolder);
        foreach (var path in files)
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {CopyPlan.Quote(CopyPlan.AttachmentsTable)} (\"StoredName\", \"Content\") VALUES (@name, @content)", target, transaction);
            insert.Parameters.AddWithValue("name", Path.GetFileName(path));
            insert.Parameters.AddWithValue("content", await File.ReadAllBytesAsync(path, ct));
            await insert.ExecuteNonQueryAsync(ct);
        }

        return files.Count;
    }

    private static async Task<List<(string Table, string Name, string Definition)>> ForeignKeysAsync(NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken ct)
    {
        const string Sql = """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'f' AND n.nspname = current_schema()
            ORDER BY 1, 2
            """;
        var keys = new List<(string, string, string)>();
        await using var command = new NpgsqlCommand(Sql, target, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return keys;
    }

    /// <summary>Sets every identity (or serial) column's sequence so the next row gets the largest copied id + 1.</summary>
    private static async Task<int> ContinueSequencesAsync(NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken ct)
    {
        const string Sql = """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
            ORDER BY 1, 2
            """;
        var columns = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(Sql, target, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            await using var set = new NpgsqlCommand(IdentitySequences.AdvancePastLargestKeySql(CopyPlan.Quote(table), column), target, transaction);
            await set.ExecuteScalarAsync(ct);
        }

        return columns.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection target, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, target, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
