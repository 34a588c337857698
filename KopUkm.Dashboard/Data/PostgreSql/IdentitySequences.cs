namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>
/// PostgreSQL's identity sequences do not move when rows are written with their keys given (bulk seeding, the demo
/// seeders, copying an office's data): the next ordinary insert would then be handed a key already taken. One
/// statement moves a key column's sequence past the largest key in its table.
/// </summary>
public static class IdentitySequences
{
    /// <summary>
    /// <c>SELECT setval(…)</c> for one key column: the next key is the table's largest + 1 (1 when empty). For a key
    /// without a sequence <c>pg_get_serial_sequence</c> is NULL and the statement does nothing.
    /// </summary>
    /// <param name="delimitedTable">The table as SQL names it (quoted, with its schema where it has one).</param>
    /// <param name="column">The key column's name, unquoted.</param>
    public static string AdvancePastLargestKeySql(string delimitedTable, string column)
    {
        var delimitedColumn = "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return $"SELECT setval({SequenceOf(delimitedTable, column)}, (SELECT COALESCE(MAX({delimitedColumn}), 0) + 1 FROM {delimitedTable}), false)";
    }

    /// <summary>The sequence behind a key column, as an SQL expression (for <c>nextval</c>/<c>setval</c>).</summary>
    public static string SequenceOf(string delimitedTable, string column) =>
        $"pg_get_serial_sequence('{Literal(delimitedTable)}', '{Literal(column)}')";

    private static string Literal(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
