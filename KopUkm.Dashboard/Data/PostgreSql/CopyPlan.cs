using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>
/// What moving an office from SQLite to PostgreSQL copies, read from the EF model of each provider: every table of the
/// model with its columns, how each column is stored on either side (the provider's type and EF's value converter)
/// and its primary key. Both the copy (<see cref="SqliteToPostgreSqlCopy"/>) and the verification
/// (<see cref="CopyVerification"/>) read values through this plan, so they read exactly as the app does.
/// </summary>
public sealed class CopyPlan
{
    /// <summary>The data protection key ring: a table on PostgreSQL, XML files in <c>data/keys</c> on SQLite.</summary>
    public const string KeysTable = "DataProtectionKeys";

    /// <summary>The applicants' files: a table on PostgreSQL, files in <c>data/attachments</c> on SQLite (its table there stays empty).</summary>
    public const string AttachmentsTable = "TicketAttachmentContents";

    private CopyPlan(IReadOnlyList<CopyTable> tables) => Tables = tables;

    /// <summary>
    /// The model's tables in name order; the key ring's and the attachments' tables are not among them: their SQLite
    /// side is files in the data folder.
    /// </summary>
    public IReadOnlyList<CopyTable> Tables { get; }

    /// <summary>
    /// Pairs the SQLite model with the PostgreSQL model table by table and column by column, taking each column's
    /// PostgreSQL type from the migrated target database itself (<paramref name="target"/>).
    /// </summary>
    public static async Task<CopyPlan> CreateAsync(IModel sqliteModel, IModel postgreSqlModel, NpgsqlConnection target, CancellationToken ct = default)
    {
        var targetTypes = await TargetColumnTypesAsync(target, ct);
        var sourceTables = sqliteModel.GetRelationalModel().Tables
            .Where(t => !t.IsExcludedFromMigrations && t.Schema is null)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var tables = new List<CopyTable>();
        foreach (var table in postgreSqlModel.GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations && t.Schema is null).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (table.Name is KeysTable or AttachmentsTable)
            {
                sourceTables.Remove(table.Name);
                continue;
            }

            if (!sourceTables.Remove(table.Name, out var source))
            {
                throw new InvalidOperationException($"Table {table.Name} of the PostgreSQL model has no SQLite table in this build.");
            }

            var columns = new List<CopyColumn>();
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var sourceColumn = source.FindColumn(column.Name)
                    ?? throw new InvalidOperationException($"Column {table.Name}.{column.Name} of the PostgreSQL model has no SQLite column.");
                if (!targetTypes.TryGetValue((table.Name, column.Name), out var pgType))
                {
                    throw new InvalidOperationException($"Column {table.Name}.{column.Name} is missing from the migrated PostgreSQL database.");
                }

                columns.Add(CopyColumn.Create(sourceColumn, column, pgType));
            }

            var key = table.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? columns.Select(c => c.Name).ToList();
            tables.Add(new CopyTable(table.Name, columns, key));
        }

        if (sourceTables.Count > 0)
        {
            throw new InvalidOperationException($"SQLite tables with no PostgreSQL table in this build: {string.Join(", ", sourceTables.Keys)}.");
        }

        return new CopyPlan(tables);
    }

    private static async Task<Dictionary<(string Table, string Column), string>> TargetColumnTypesAsync(NpgsqlConnection target, CancellationToken ct)
    {
        const string Sql = """
            SELECT c.relname, a.attname, t.typname
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """;
        var types = new Dictionary<(string, string), string>();
        await using var command = new NpgsqlCommand(Sql, target);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            types[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return types;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One table to copy: its columns (name order) and its primary key (the order rows are read and checked in).</summary>
public sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns, IReadOnlyList<string> Key)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => CopyPlan.Quote(c.Name)));

    public string SqliteSelect =>
        $"SELECT {ColumnList} FROM {CopyPlan.Quote(Name)} ORDER BY {string.Join(", ", Key.Select(k => CopyPlan.Quote(k) + " COLLATE BINARY"))}";

    /// <summary>Text keys in byte order ("C"), as SQLite's BINARY collation orders them, whatever the database's locale.</summary>
    public string PostgreSqlSelect =>
        $"SELECT {ColumnList} FROM {CopyPlan.Quote(Name)} ORDER BY {string.Join(", ", Key.Select(k => CopyPlan.Quote(k) + (Columns.Single(c => c.Name == k).IsText ? " COLLATE \"C\"" : "")))}";
}

/// <summary>
/// One column: how its value is read on SQLite (the provider type and EF's converter of the SQLite model), what the app
/// sees (the model value), and how it is written and read on PostgreSQL (the PostgreSQL model's converter and the
/// target column's type). A JSON column (Identity's passkey data) has no scalar property: it moves as JSON text.
/// </summary>
public sealed class CopyColumn
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    private readonly Func<DbDataReader, int, object> readSource;
    private readonly Func<DbDataReader, int, object> readTarget;
    private readonly ValueConverter? sourceConverter;
    private readonly ValueConverter? targetConverter;

    private CopyColumn(string name, Type sourceType, ValueConverter? sourceConverter, Type targetType, ValueConverter? targetConverter, string pgType, bool isJson)
    {
        Name = name;
        this.sourceConverter = sourceConverter;
        this.targetConverter = targetConverter;
        PgType = pgType;
        IsJson = isJson;
        DbType = DbTypeOf(pgType);
        readSource = Reader(sourceType);
        readTarget = Reader(targetType);
    }

    public string Name { get; }

    /// <summary>The target column's PostgreSQL type name (<c>pg_type.typname</c>).</summary>
    public string PgType { get; }

    public NpgsqlDbType DbType { get; }

    public bool IsJson { get; }

    public bool IsText => PgType is "text" or "varchar" or "bpchar" or "citext";

    public static CopyColumn Create(IColumnBase source, IColumnBase target, string pgType)
    {
        var sourceMapping = source.PropertyMappings.Count > 0 ? source.PropertyMappings[0].TypeMapping : null;
        var targetMapping = target.PropertyMappings.Count > 0 ? target.PropertyMappings[0].TypeMapping : null;
        if (sourceMapping is null || targetMapping is null)
        {
            return new CopyColumn(target.Name, typeof(string), null, typeof(string), null, pgType, isJson: true);
        }

        return new CopyColumn(
            target.Name,
            sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType,
            sourceMapping.Converter,
            targetMapping.Converter?.ProviderClrType ?? targetMapping.ClrType,
            targetMapping.Converter,
            pgType,
            isJson: false);
    }

    /// <summary>The value as the app sees it, read from the SQLite row (null for NULL).</summary>
    public object? ReadSource(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : sourceConverter is null ? readSource(reader, ordinal) : sourceConverter.ConvertFromProvider(readSource(reader, ordinal));

    /// <summary>The value as the app sees it, read from the PostgreSQL row (null for NULL).</summary>
    public object? ReadTarget(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : targetConverter is null ? readTarget(reader, ordinal) : targetConverter.ConvertFromProvider(readTarget(reader, ordinal));

    /// <summary>
    /// The value PostgreSQL stores for a model value: the PostgreSQL model's converter, instants in UTC, and times cut to
    /// PostgreSQL's microseconds (SQLite keeps 100 ns; cut here, so the copy and the check agree on every digit).
    /// </summary>
    public object? ToTarget(object? modelValue)
    {
        if (modelValue is null)
        {
            return null;
        }

        var value = targetConverter is null ? modelValue : targetConverter.ConvertToProvider(modelValue);
        return value switch
        {
            DateTime d => new DateTime(Microseconds(d.Ticks), DateTimeKind.Utc),
            DateTimeOffset o => new DateTimeOffset(Microseconds(o.UtcTicks), TimeSpan.Zero),
            TimeOnly t => new TimeOnly(Microseconds(t.Ticks)),
            TimeSpan s => new TimeSpan(Microseconds(s.Ticks)),
            _ => value,
        };
    }

    /// <summary>
    /// One value as text that means the same on both sides: typed, length-prefixed for text, instants as UTC to the
    /// microsecond, numbers invariant, JSON with its keys sorted.
    /// </summary>
    public void AppendCanonical(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append('~');
                break;
            case string s when IsJson:
                AppendText(text, CanonicalJson(s));
                break;
            case string s:
                AppendText(text, s);
                break;
            case bool b:
                text.Append(b ? '1' : '0');
                break;
            case Enum e:
                text.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case decimal m:
                text.Append(m.ToString("0.############################", CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                text.Append(f.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateTime d:
                text.Append(new DateTime(Microseconds(d.Ticks)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset o:
                text.Append(new DateTime(Microseconds(o.UtcTicks)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                text.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeOnly t:
                text.Append(Microseconds(t.Ticks).ToString(CultureInfo.InvariantCulture));
                break;
            case TimeSpan s:
                text.Append(Microseconds(s.Ticks).ToString(CultureInfo.InvariantCulture));
                break;
            case Guid g:
                text.Append(g.ToString("D"));
                break;
            case byte[] bytes:
                text.Append(Convert.ToHexString(bytes));
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendText(text, value.ToString() ?? "");
                break;
        }
    }

    private static void AppendText(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    private static long Microseconds(long ticks) => ticks - (ticks % 10);

    private static string CanonicalJson(string json)
    {
        try
        {
            return Sorted(JsonNode.Parse(json))?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private static Func<DbDataReader, int, object> Reader(Type type)
    {
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        if (clr == typeof(string))
        {
            return (r, i) => r.GetString(i);
        }

        if (clr == typeof(int))
        {
            return (r, i) => r.GetInt32(i);
        }

        if (clr == typeof(long))
        {
            return (r, i) => r.GetInt64(i);
        }

        if (clr == typeof(bool))
        {
            return (r, i) => r.GetBoolean(i);
        }

        if (clr == typeof(DateTime))
        {
            return (r, i) => r.GetDateTime(i);
        }

        var generic = GetFieldValue.MakeGenericMethod(clr);
        return (r, i) => generic.Invoke(r, [i])!;
    }

    private static NpgsqlDbType DbTypeOf(string pgType) => pgType switch
    {
        "int2" => NpgsqlDbType.Smallint,
        "int4" => NpgsqlDbType.Integer,
        "int8" => NpgsqlDbType.Bigint,
        "text" => NpgsqlDbType.Text,
        "varchar" => NpgsqlDbType.Varchar,
        "bpchar" => NpgsqlDbType.Char,
        "bool" => NpgsqlDbType.Boolean,
        "numeric" => NpgsqlDbType.Numeric,
        "float4" => NpgsqlDbType.Real,
        "float8" => NpgsqlDbType.Double,
        "bytea" => NpgsqlDbType.Bytea,
        "date" => NpgsqlDbType.Date,
        "time" => NpgsqlDbType.Time,
        "timestamptz" => NpgsqlDbType.TimestampTz,
        "timestamp" => NpgsqlDbType.Timestamp,
        "interval" => NpgsqlDbType.Interval,
        "uuid" => NpgsqlDbType.Uuid,
        "jsonb" => NpgsqlDbType.Jsonb,
        "json" => NpgsqlDbType.Json,
        _ => throw new InvalidOperationException($"PostgreSQL column type {pgType} is not known to the copy."),
    };
}
