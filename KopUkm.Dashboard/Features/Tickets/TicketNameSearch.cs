using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// "Contains" search over the applicant's and the business's name. On SQLite it asks the trigram full-text index
/// (migration TicketNameSearch), which finds the same tickets as a case-insensitive LIKE '%…%' without reading every
/// ticket; terms shorter than a trigram, and other databases, use the plain LIKE.
/// </summary>
internal static class TicketNameSearch
{
    private const int TrigramLength = 3;

    public static IQueryable<Ticket> Matching(AppDbContext db, IQueryable<Ticket> query, string term)
    {
        if (db.Database.IsSqlite() && term.Length >= TrigramLength)
        {
            // One FTS5 phrase: the term as a substring, quotes inside it doubled. A parameter, never spliced into SQL.
            var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"TicketNameSearch\" WHERE \"TicketNameSearch\" MATCH {phrase}");
            return query.Where(t => ids.Contains(t.Id));
        }

        var upper = term.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(...) LIKE; culture overloads do not translate.
        return query.Where(t => t.ApplicantName.ToUpper().Contains(upper) || t.BusinessName.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
