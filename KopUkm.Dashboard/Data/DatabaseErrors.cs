using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KopUkm.Dashboard.Data;

/// <summary>What a failed save means, whichever database said it. The one place that knows each provider's codes.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// A unique index or primary key refused the row (someone else inserted the same key first): SQLite constraint
    /// error 19 with extended code 2067 (unique) or 1555 (primary key); PostgreSQL SQLSTATE 23505.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => IsUniqueViolation(ex?.InnerException);

    /// <summary>As above, for the provider's own exception (raw SQL, bulk inserts).</summary>
    public static bool IsUniqueViolation(Exception? ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };
}
