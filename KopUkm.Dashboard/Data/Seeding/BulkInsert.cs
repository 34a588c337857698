using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KopUkm.Dashboard.Data.Seeding;

/// <summary>
/// Writes many new rows of one entity type through the context's own connection and open transaction with one
/// prepared INSERT, taking table, columns and value conversions from the EF model, so rows are stored exactly as
/// a save would store them. For generated bulk data only: nothing is tracked, no audit rows are written and the
/// caller sets the keys it needs (a key left at its default is assigned by the database and not read back).
/// </summary>
public static class BulkInsert
{
    /// <summary>Inserts the rows in order. The context must have an open transaction. Returns how many were written.</summary>
    public static int Rows<T>(AppDbContext db, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction: begin one on the context first.");
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => new Column(
                p.GetColumnName(),
                p.GetRelationalTypeMapping(),
                p.IsPrimaryKey() && p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never,
                p.IsNullable,
                Getter(p.PropertyInfo!),
                p.PropertyInfo!.PropertyType.IsValueType && Nullable.GetUnderlyingType(p.PropertyInfo.PropertyType) is null
                    ? Activator.CreateInstance(p.PropertyInfo.PropertyType)
                    : null,
                p.Name == nameof(IVersioned.Version) && typeof(IVersioned).IsAssignableFrom(typeof(T))))
            .ToList();

        var table = sql.DelimitIdentifier(entityType.GetTableName()!);
        var postgreSql = db.Database.IsNpgsql();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        // SQLite numbers a NULL integer key itself; a PostgreSQL identity column takes its next value only when asked.
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((c, i) => postgreSql && c.IsGeneratedKey ? $"COALESCE(@p{i}, nextval({PostgreSql.IdentitySequences.SequenceOf(table, c.Name)}))" : $"@p{i}"))})";
        var parameters = columns.Select((c, i) =>
        {
            var parameter = c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true);
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        command.Prepare();

        var written = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            if (++written % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        if (postgreSql && written > 0)
        {
            // Keys given by the caller do not move the identity sequence: move it past them, or the next ordinary
            // insert would be handed a key already taken.
            foreach (var key in columns.Where(c => c.IsGeneratedKey))
            {
                using var advance = db.Database.GetDbConnection().CreateCommand();
                advance.Transaction = transaction;
                advance.CommandText = PostgreSql.IdentitySequences.AdvancePastLargestKeySql(table, key.Name);
                advance.ExecuteNonQuery();
            }
        }

        return written;
    }

    private static Func<object, object?> Getter(System.Reflection.PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(entity, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, entity).Compile();
    }

    private sealed record Column(
        string Name, RelationalTypeMapping Mapping, bool IsGeneratedKey, bool IsNullable, Func<object, object?> Get, object? ClrDefault, bool IsVersion)
    {
        public object? ValueOf(object row)
        {
            var value = Get(row);
            if (IsGeneratedKey && Equals(value, ClrDefault))
            {
                return null;
            }

            if (IsVersion && value is 0L)
            {
                // New rows start at version 1, as a save stamps them.
                value = 1L;
            }

            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
