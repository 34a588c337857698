using System.Globalization;
using System.Text;
using KopUkm.Dashboard.Features.Dashboard;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using System.Data.Common;
using KopUkm.Benchmarks.Harness;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// The dashboard's figures written by hand as SQL and read through Microsoft.Data.Sqlite on the same file, or through
/// Npgsql on the same PostgreSQL database: the floor the EF version is compared with. Same predicates as <c>DashboardQueries</c>, one round trip of grouped,
/// conditional aggregates. Returns the figures, so the harness can check both give the same numbers.
/// </summary>
internal static class DashboardFloor
{
    private static readonly string OpenStatuses = string.Join(", ", TicketWorkflow.OpenStatuses.Select(s => $"'{s}'"));

    /// <summary>The floor on SQLite (a connection string to the file) or on PostgreSQL (an Npgsql connection string).</summary>
    public static FloorFigures Compute(BenchProvider provider, string connectionString, int? divisionId, bool registrationsApply, DateTime now)
    {
        using DbConnection connection = provider == BenchProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        var pg = provider == BenchProvider.PostgreSql;

        // The one difference in dialect: counting rows that match. SQLite sums a comparison (0 or 1); PostgreSQL
        // counts with a filter. Identifiers are quoted, which both accept (PostgreSQL needs it for the mixed case).
        string Count(string condition) => pg ? $"COUNT(*) FILTER (WHERE {condition})" : $"SUM({condition})";
        var ticketScope = divisionId is null ? "" : " AND t.\"DivisionId\" = @div";
        var contentScope = divisionId is null ? "" : " WHERE c.\"OwnerDivisionId\" = @div";
        var ageBounds = DashboardQueries.AgeBuckets
            .Select((b, i) => (Newest: now.AddDays(-b.From), Oldest: b.To is { } to ? now.AddDays(-(to + 1)) : DateTime.MinValue, Index: i))
            .ToArray();
        string Ages(string column) =>
            string.Join(", ", ageBounds.Select(b => Count($"{column} <= @n{b.Index} AND {column} > @o{b.Index}")));
        var backlogUtc = BacklogBounds(now);
        var sql = new StringBuilder();

        // 1. Divisions.
        sql.AppendLine("""SELECT "Id", "Code" FROM "Division" WHERE "IsActive" ORDER BY "Id";""");

        // 2. Open tickets per division: headline, table and age buckets in one pass.
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            SELECT t."DivisionId", COUNT(*),
                   {Count("t.\"ResolutionSla\" IN ('AtRisk', 'PausedRisk') OR t.\"FirstResponseSla\" = 'AtRisk'")},
                   {Count("t.\"ResolutionSla\" = 'Breached' OR t.\"FirstResponseSla\" = 'Breached'")},
                   {Count("t.\"AssignedUserId\" IS NULL")},
                   MIN(t."CreatedAtUtc"),
                   {Ages("t.\"CreatedAtUtc\"")}
            FROM "Ticket" t WHERE t."Status" IN ({OpenStatuses}){ticketScope}
            GROUP BY t."DivisionId";
            """);

        // 3-4. Open registration cases, counted per cooperative.
        if (registrationsApply)
        {
            sql.AppendLine("""SELECT "Stage", COUNT(DISTINCT "CooperativeId") FROM "RegistrationCase" WHERE "ClosedAtUtc" IS NULL GROUP BY "Stage";""");
            sql.AppendLine(CultureInfo.InvariantCulture, $"""
                SELECT COUNT(DISTINCT "CooperativeId"), COUNT(DISTINCT CASE WHEN "StageDueAtUtc" < @now THEN "CooperativeId" END), {Ages("\"SubmittedAtUtc\"")}
                FROM "RegistrationCase" WHERE "ClosedAtUtc" IS NULL;
                """);
        }

        // 5. Content per division: headline and overdue column.
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            SELECT c."OwnerDivisionId",
                   {Count("c.\"State\" IN ('Terbit', 'PerluPembaruan') AND c.\"Freshness\" = 'Overdue'")},
                   {Count("c.\"State\" IN ('Terbit', 'PerluPembaruan') AND c.\"Freshness\" = 'DueSoon'")},
                   {Count("c.\"State\" IN ('Terbit', 'PerluPembaruan') AND c.\"LiveStatus\" = 'Broken'")},
                   {Count("c.\"Freshness\" = 'Overdue'")}
            FROM "ContentItem" c{contentScope}
            GROUP BY c."OwnerDivisionId";
            """);

        // 6. Urgent candidates with their labels: at most ten per source (empty columns typed, as PostgreSQL's UNION wants).
        var contentDivision = divisionId is null ? "" : " AND c.\"OwnerDivisionId\" = @div";
        var urgent = new List<string>
        {
            $"""
            SELECT * FROM (SELECT 1, t."Id", t."Code" || ' · ' || t."ApplicantName", s."NameId", d."Code", t."ResolutionDueAtUtc", t."Priority"
                FROM "Ticket" t JOIN "ServiceTypes" s ON s."Id" = t."ServiceTypeId" JOIN "Division" d ON d."Id" = t."DivisionId"
                WHERE t."Status" IN ({OpenStatuses}){ticketScope} AND t."ResolutionDueAtUtc" IS NOT NULL AND t."Status" <> 'MenungguPemohon'
                ORDER BY t."ResolutionDueAtUtc" LIMIT 10) u1
            """,
            $"""
            SELECT * FROM (SELECT 3, c."Id", c."Title", c."Kind", d."Code", COALESCE(c."LastCheckedAtUtc", c."StateChangedAtUtc"), CAST(NULL AS INTEGER)
                FROM "ContentItem" c JOIN "Division" d ON d."Id" = c."OwnerDivisionId"
                WHERE c."State" IN ('Terbit', 'PerluPembaruan') AND c."LiveStatus" = 'Broken'{contentDivision}
                ORDER BY c."LastCheckedAtUtc" LIMIT 10) u3
            """,
            $"""
            SELECT * FROM (SELECT 4, c."Id", c."Title", c."Kind", d."Code", c."ReviewDueAtUtc", CAST(NULL AS INTEGER)
                FROM "ContentItem" c JOIN "Division" d ON d."Id" = c."OwnerDivisionId"
                WHERE c."State" IN ('Terbit', 'PerluPembaruan') AND c."ReviewDueAtUtc" IS NOT NULL AND c."LiveStatus" <> 'Broken'{contentDivision}
                ORDER BY c."ReviewDueAtUtc" LIMIT 10) u4
            """,
        };
        if (registrationsApply)
        {
            urgent.Insert(1, """
                SELECT * FROM (SELECT 2, r."Id", k."Name", r."Stage", CAST(NULL AS TEXT), r."StageDueAtUtc", CAST(NULL AS INTEGER)
                    FROM "RegistrationCase" r JOIN "Cooperative" k ON k."Id" = r."CooperativeId"
                    WHERE r."ClosedAtUtc" IS NULL AND r."StageDueAtUtc" IS NOT NULL ORDER BY r."StageDueAtUtc" LIMIT 10) u2
                """);
        }

        sql.AppendLine(string.Join("\nUNION ALL\n", urgent) + ";");

        // 7. Backlog: open tickets at the end of each of twelve weeks, from the two sets that can count (still
        // unresolved; resolved since the first week's end), each one range of a resolution-date index.
        var ticketScopeWhere = divisionId is null ? "" : " AND \"DivisionId\" = @div";
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            SELECT {string.Join(", ", backlogUtc.Select((_, i) => $"COALESCE(u.c{i}, 0) + COALESCE(r.c{i}, 0)"))}
            FROM (SELECT {string.Join(", ", backlogUtc.Select((_, i) => $"{Count($"\"CreatedAtUtc\" < @b{i}")} AS c{i}"))}
                  FROM "Ticket" WHERE "ResolvedAtUtc" IS NULL AND "CreatedAtUtc" < @blast{ticketScopeWhere}) u,
                 (SELECT {string.Join(", ", backlogUtc.Select((_, i) => $"{Count($"\"CreatedAtUtc\" < @b{i} AND \"ResolvedAtUtc\" >= @b{i}")} AS c{i}"))}
                  FROM "Ticket" WHERE "ResolvedAtUtc" >= @bfirst AND "CreatedAtUtc" < @blast{ticketScopeWhere}) r;
            """);

        // 8. Resolution compliance over thirty days per division (on SQLite "+" keeps the planner from walking a
        // division-ordered index over every ticket just to skip a sort of one month's rows).
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            SELECT t."DivisionId", COUNT(*), {Count("NOT t.\"EverBreached\"")} FROM "Ticket" t JOIN "ServiceTypes" s ON s."Id" = t."ServiceTypeId"
            WHERE t."ResolvedAtUtc" >= @since AND s."ResolutionWorkingDays" > 0{ticketScope}
            GROUP BY {(pg ? "" : "+")}t."DivisionId";
            """);

        // 9. Overdue IT tasks per requesting division.
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            SELECT "RequestingDivisionId", COUNT(*) FROM "ItTask"
            WHERE "Status" <> 'Selesai' AND "DueDate" < @today{(divisionId is null ? "" : " AND \"RequestingDivisionId\" = @div")}
            GROUP BY "RequestingDivisionId";
            """);

        command.CommandText = sql.ToString();
        void Add(string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // Instants as UTC on PostgreSQL (timestamptz; DateTime.MinValue goes as -infinity).
            parameter.Value = pg && value is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : value ?? DBNull.Value;
            if (pg && value is null)
            {
                parameter.DbType = System.Data.DbType.Int32;
            }

            command.Parameters.Add(parameter);
        }

        Add("@now", now);
        Add("@div", divisionId);
        Add("@since", now.AddDays(-30));
        Add("@today", DateOnly.FromDateTime(WibTime.ToWib(now)));
        Add("@bfirst", backlogUtc[0]);
        Add("@blast", backlogUtc[^1]);
        for (var i = 0; i < backlogUtc.Length; i++)
        {
            Add($"@b{i}", backlogUtc[i]);
        }

        foreach (var (newest, oldest, index) in ageBounds)
        {
            Add($"@n{index}", newest);
            Add($"@o{index}", oldest);
        }

        // SUM and COUNT come back as 64-bit integers on PostgreSQL.
        static int Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

        var figures = new FloorFigures();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            figures.Divisions++;
        }

        reader.NextResult();
        while (reader.Read())
        {
            figures.OpenTickets += Int(reader, 1);
            figures.AtRisk += Int(reader, 2);
            figures.Breached += Int(reader, 3);
            figures.Unassigned += Int(reader, 4);
            for (var i = 0; i < ageBounds.Length; i++)
            {
                figures.TicketAges[i] += Int(reader, 6 + i);
            }
        }

        if (registrationsApply)
        {
            reader.NextResult();
            while (reader.Read())
            {
                figures.CasesWaiting += Int(reader, 1);
            }

            reader.NextResult();
            reader.Read();
            figures.CasesOverdue = Int(reader, 1);
        }

        reader.NextResult();
        while (reader.Read())
        {
            figures.ContentOverdue += Int(reader, 1);
            figures.ContentDueSoon += Int(reader, 2);
            figures.ContentBroken += Int(reader, 3);
        }

        reader.NextResult();
        while (reader.Read())
        {
            figures.UrgentCandidates++;
            _ = reader.GetString(2);
        }

        reader.NextResult();
        reader.Read();
        for (var i = 0; i < backlogUtc.Length; i++)
        {
            figures.Backlog.Add(Int(reader, i));
        }

        reader.NextResult();
        while (reader.Read())
        {
            figures.Resolved += Int(reader, 1);
            figures.Met += Int(reader, 2);
        }

        reader.NextResult();
        while (reader.Read())
        {
            figures.ItTasksOverdue += Int(reader, 1);
        }

        return figures;
    }

    /// <summary>The same week ends as the dashboard: the Monday 00:00 WIB after each of the last twelve Sundays, capped at now.</summary>
    private static DateTime[] BacklogBounds(DateTime now)
    {
        var today = DateOnly.FromDateTime(WibTime.ToWib(now));
        var thisWeekEnd = today.AddDays((7 - (int)today.DayOfWeek) % 7).AddDays(1);
        var ends = Enumerable.Range(0, DashboardQueries.BacklogWeeks).Select(i => thisWeekEnd.AddDays(-7 * (DashboardQueries.BacklogWeeks - 1 - i))).ToArray();
        return [.. ends.Select(e => WibTime.ToUtc(e.ToDateTime(TimeOnly.MinValue))).Select(e => e > now ? now : e)];
    }
}

/// <summary>The floor's figures, to compare with the snapshot EF computed.</summary>
internal sealed class FloorFigures
{
    public int Divisions { get; set; }

    public int OpenTickets { get; set; }

    public int AtRisk { get; set; }

    public int Breached { get; set; }

    public int Unassigned { get; set; }

    public int[] TicketAges { get; } = new int[DashboardQueries.AgeBuckets.Length];

    public int CasesWaiting { get; set; }

    public int CasesOverdue { get; set; }

    public int ContentOverdue { get; set; }

    public int ContentDueSoon { get; set; }

    public int ContentBroken { get; set; }

    public int UrgentCandidates { get; set; }

    public List<int> Backlog { get; } = [];

    public int Resolved { get; set; }

    public int Met { get; set; }

    public int ItTasksOverdue { get; set; }

    /// <summary>The differences from the EF snapshot; empty when every compared figure agrees.</summary>
    public IReadOnlyList<string> DifferencesFrom(DashboardSnapshot snapshot)
    {
        var differences = new List<string>();
        void Compare(string name, object floor, object ef)
        {
            if (!Equals(floor, ef))
            {
                differences.Add($"{name}: floor {floor}, EF {ef}");
            }
        }

        Compare("open", OpenTickets, snapshot.Tickets.Open);
        Compare("at risk", AtRisk, snapshot.Tickets.AtRisk);
        Compare("breached", Breached, snapshot.Tickets.Breached);
        Compare("unassigned", Unassigned, snapshot.Tickets.Unassigned);
        Compare("ticket ages", string.Join(",", TicketAges), string.Join(",", snapshot.Ages.Select(a => a.Tickets)));
        Compare("cases waiting", CasesWaiting, snapshot.Registrations.Waiting);
        Compare("cases overdue", CasesOverdue, snapshot.Registrations.Overdue);
        Compare("content overdue", ContentOverdue, snapshot.Content.Overdue);
        Compare("content due soon", ContentDueSoon, snapshot.Content.DueSoon);
        Compare("content broken", ContentBroken, snapshot.Content.Broken);
        Compare("backlog", string.Join(",", Backlog), string.Join(",", snapshot.Backlog.Select(b => b.OpenTickets)));
        Compare("resolved", Resolved, snapshot.Compliance.Sum(c => c.Resolved));
        Compare("met", Met, snapshot.Compliance.Sum(c => c.Met));
        Compare("IT overdue", ItTasksOverdue, snapshot.ItTasksOverdue);
        return differences;
    }
}
