using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// How every list search matches text: "contains", ignoring case. The database compares
/// <c>LOWER(column) LIKE '%term%' ESCAPE '\'</c> with the term lower-cased and its <c>%</c>, <c>_</c> and <c>\</c>
/// escaped, so they match themselves. Where a trigram full-text index covers the columns (SQLite FTS5, e.g. the
/// ticket names) a term of at least <see cref="TrigramLength"/> characters asks the index instead, which finds the
/// same rows without reading them all. This class is the one place that makes that choice.
/// </summary>
/// <remarks>
/// SQLite's own LOWER() and LIKE fold ASCII letters only; names with other letters match in the case they are
/// written.
/// </remarks>
public static class TextSearch
{
    /// <summary>The LIKE escape character; <see cref="ContainsPattern"/> escapes it along with the wildcards.</summary>
    public const char EscapeCharacter = '\\';

    /// <summary>FTS5's trigram tokenizer indexes three-character windows: a shorter term cannot use the index.</summary>
    public const int TrigramLength = 3;

    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    private static readonly MethodInfo ContainsKeyMethod = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Contains) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(int));

    /// <summary>The LIKE pattern for "contains <paramref name="term"/>": lower-cased, with <c>%</c>, <c>_</c> and <c>\</c> escaped.</summary>
    public static string ContainsPattern(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var pattern = new StringBuilder(term.Length + 2).Append('%');
        foreach (var ch in term.ToLowerInvariant())
        {
            if (ch is '%' or '_' or '\\')
            {
                pattern.Append(EscapeCharacter);
            }

            pattern.Append(ch);
        }

        return pattern.Append('%').ToString();
    }

    /// <summary>The rows where any of <paramref name="columns"/> contains <paramref name="term"/> (trimmed), ignoring case.</summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> query, string term, params Expression<Func<T, string?>>[] columns) =>
        WhereContains(query, term, null, columns);

    /// <summary>
    /// As <see cref="WhereContains{T}(IQueryable{T}, string, Expression{Func{T, string}}[])"/>, answered by
    /// <paramref name="index"/> on SQLite when the term is long enough for it.
    /// </summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> query, string term, TrigramIndex<T>? index, params Expression<Func<T, string?>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(term);
        var trimmed = term.Trim();
        if (index is not null && index.Database.IsSqlite() && trimmed.Length >= TrigramLength)
        {
            // One FTS5 phrase: the term as a substring, quotes inside it doubled. A parameter, never spliced into SQL.
            var keys = index.KeysMatching("\"" + trimmed.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            var row = index.Key.Parameters[0];
            return query.Where(Expression.Lambda<Func<T, bool>>(Expression.Call(ContainsKeyMethod, Captured(keys), index.Key.Body), row));
        }

        return query.Where(Matching(trimmed, columns));
    }

    /// <summary>
    /// The condition itself, for a search that also accepts other matches: any of <paramref name="columns"/>
    /// contains <paramref name="term"/> (trimmed), ignoring case.
    /// </summary>
    public static Expression<Func<T, bool>> Matching<T>(string term, params Expression<Func<T, string?>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("At least one column to search is needed.", nameof(columns));
        }

        var row = Expression.Parameter(typeof(T), "row");
        var pattern = Captured(ContainsPattern(term.Trim()));
        var functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));
        var body = columns
            .Select(column => (Expression)Expression.Call(
                LikeMethod, functions, Expression.Call(Bind(column, row), ToLowerMethod), pattern, Expression.Constant(new string(EscapeCharacter, 1))))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    /// <summary><paramref name="left"/> or <paramref name="right"/>, as one condition on the same row.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var row = left.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(left.Body, Bind(right, row)), row);
    }

    /// <summary>A value as C# captures a local, so EF sends it as a parameter (or inlines a query) rather than a literal.</summary>
    private static MemberExpression Captured<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private static Expression Bind<TRow, TResult>(Expression<Func<TRow, TResult>> selector, ParameterExpression row) =>
        new Rebind(selector.Parameters[0], row).Visit(selector.Body);

    private sealed record Box<TValue>(TValue Value);

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>
/// A trigram full-text index (SQLite FTS5) over some text columns of <typeparamref name="T"/>, for
/// <see cref="TextSearch"/>: the row's key, and the keys of the rows whose indexed text contains an FTS5 phrase.
/// </summary>
public sealed record TrigramIndex<T>(DatabaseFacade Database, Expression<Func<T, int>> Key, Func<string, IQueryable<int>> KeysMatching);
