using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>One table's check: rows on each side and whether the checksums match.</summary>
public sealed record TableCheck(string Table, long SourceRows, long TargetRows, string SourceChecksum, string TargetChecksum)
{
    public bool ChecksumEqual => SourceChecksum == TargetChecksum;

    public bool Matches => SourceRows == TargetRows && ChecksumEqual;
}

/// <summary>
/// Compares an office's SQLite data with its PostgreSQL copy, table by table: the row count and a SHA-256 over every
/// row in primary-key order, each value read through EF's converters and written as canonical text
/// (<see cref="CopyColumn.AppendCanonical"/>), computed the same way on both sides; the key ring and the applicants'
/// files, which are files on SQLite, by name and content. Used right after the copy (inside
/// its transaction, before commit) and by <c>copy-to-postgresql --verify</c> at any later time.
/// </summary>
public static class CopyVerification
{
    public static async Task<IReadOnlyList<TableCheck>> CompareAsync(
        CopyPlan plan, SqliteConnection source, NpgsqlConnection target, string keysFolder, string attachmentsFolder, NpgsqlTransaction? transaction = null, Action<TableCheck>? checkedTable = null, CancellationToken ct = default)
    {
        var checks = new List<TableCheck>();
        foreach (var table in plan.Tables)
        {
            await using var sourceCommand = source.CreateCommand();
            sourceCommand.CommandText = table.SqliteSelect;
            var (sourceRows, sourceSum) = await ChecksumAsync(table, sourceCommand, fromTarget: false, ct);
            await using var targetCommand = new NpgsqlCommand(table.PostgreSqlSelect, target, transaction) { CommandTimeout = 0 };
            var (targetRows, targetSum) = await ChecksumAsync(table, targetCommand, fromTarget: true, ct);
            var check = new TableCheck(table.Name, sourceRows, targetRows, sourceSum, targetSum);
            checks.Add(check);
            checkedTable?.Invoke(check);
        }

        var keys = await KeysCheckAsync(keysFolder, target, transaction, ct);
        checks.Add(keys);
        checkedTable?.Invoke(keys);
        var attachments = await AttachmentsCheckAsync(attachmentsFolder, target, transaction, ct);
        checks.Add(attachments);
        checkedTable?.Invoke(attachments);
        return checks;
    }

    private static async Task<(long Rows, string Checksum)> ChecksumAsync(CopyTable table, DbCommand command, bool fromTarget, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            text.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                column.AppendCanonical(text, fromTarget ? column.ReadTarget(reader, i) : column.ReadSource(reader, i));
                text.Append('\u001F');
            }

            text.Append('\u001E');
            hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
            rows++;
        }

        return (rows, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>The key ring's XML files as the rows the database keeps (friendly name, XML without formatting), by name.</summary>
    public static IReadOnlyList<(string FriendlyName, string Xml)> KeyFiles(string keysFolder) =>
        Directory.Exists(keysFolder)
            ? [.. Directory.GetFiles(keysFolder, "*.xml")
                .Select(f => (Path.GetFileNameWithoutExtension(f), XElement.Load(f).ToString(SaveOptions.DisableFormatting)))
                .OrderBy(k => k.Item1, StringComparer.Ordinal)]
            : [];

    /// <summary>The attachment folder's files (not its subfolders), by name.</summary>
    public static IReadOnlyList<string> AttachmentFiles(string attachmentsFolder) =>
        Directory.Exists(attachmentsFolder)
            ? [.. Directory.GetFiles(attachmentsFolder).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The files against the table: their count and a SHA-256 over every name with the SHA-256 of its content, by name
    /// (PostgreSQL hashes each content itself, so the contents are not read over the connection).
    /// </summary>
    private static async Task<TableCheck> AttachmentsCheckAsync(string attachmentsFolder, NpgsqlConnection target, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var files = new List<(string, string)>();
        foreach (var path in AttachmentFiles(attachmentsFolder))
        {
            await using var stream = File.OpenRead(path);
            files.Add((Path.GetFileName(path), Convert.ToHexString(await SHA256.HashDataAsync(stream, ct))));
        }

        var rows = new List<(string, string)>();
        await using (var command = new NpgsqlCommand($"SELECT \"StoredName\", sha256(\"Content\") FROM {CopyPlan.Quote(CopyPlan.AttachmentsTable)}", target, transaction) { CommandTimeout = 0 })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), Convert.ToHexString(reader.GetFieldValue<byte[]>(1))));
            }
        }

        return new TableCheck(CopyPlan.AttachmentsTable, files.Count, rows.Count, KeysChecksum(files), KeysChecksum(rows.OrderBy(r => r.Item1, StringComparer.Ordinal)));
    }

    private static async Task<TableCheck> KeysCheckAsync(string keysFolder, NpgsqlConnection target, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var files = KeyFiles(keysFolder);
        var rows = new List<(string, string)>();
        await using (var command = new NpgsqlCommand($"SELECT \"FriendlyName\", \"Xml\" FROM {CopyPlan.Quote(CopyPlan.KeysTable)}", target, transaction))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1)));
            }
        }

        return new TableCheck(CopyPlan.KeysTable, files.Count, rows.Count, KeysChecksum(files), KeysChecksum(rows.OrderBy(r => r.Item1, StringComparer.Ordinal)));
    }

    private static string KeysChecksum(IEnumerable<(string Name, string Xml)> keys)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, xml) in keys)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name.Length}:{name}\u001F{xml.Length}:{xml}\u001E"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
