using KopUkm.Dashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Metrics;

/// <summary>
/// The metrics' raw SQL: what LINQ cannot say (window functions, the division a ticket belonged to at an instant).
/// Standard SQL only — CTEs, ROW_NUMBER/COUNT OVER, correlated subqueries with ORDER BY … LIMIT 1, integer
/// arithmetic, double-quoted identifiers — so the same text runs on SQLite and PostgreSQL. Values are always bound as
/// parameters ({0}, {1}, … placeholders, which EF turns into parameters); enums are stored as their names.
/// </summary>
/// <remarks>
/// Percentiles use the nearest-rank definition: of n values sorted ascending, the p-th percentile is the value at rank
/// ⌈p·n/100⌉ (1-based). It is always one of the measured values, never an interpolation; the median of 1, 2, 3, 4 is 2.
/// ⌈p·n/100⌉ is written (p·n + 99) / 100 in integer arithmetic, which both databases evaluate the same way.
/// </remarks>
internal static class MetricsSql
{
    /// <summary>The group key of the whole office in query results (division ids are positive).</summary>
    public const int OfficeGroup = -1;

    /// <summary>
    /// The division that owned ticket <c>t</c> at an instant: the receiving division of the last handoff up to then;
    /// before any handoff, the sending division of the first one; without handoffs, the ticket's division.
    /// </summary>
    private static string DivisionAt(string instant, string comparison = "<=") => $$"""
        COALESCE(
            (SELECT h."ToDivisionId" FROM "TicketHandoff" h WHERE h."TicketId" = t."Id" AND h."HandedOffAtUtc" {{comparison}} {{instant}}
             ORDER BY h."HandedOffAtUtc" DESC, h."Id" DESC LIMIT 1),
            (SELECT h."FromDivisionId" FROM "TicketHandoff" h WHERE h."TicketId" = t."Id"
             ORDER BY h."HandedOffAtUtc", h."Id" LIMIT 1),
            t."DivisionId")
        """;

    /// <summary>Reopenings in [{0}, {1}) ({2} = 'Reopened'), by the division that held the ticket then.</summary>
    public static readonly string ReopenedByDivision = $$"""
        SELECT x."GroupId", COUNT(*) AS "Count"
        FROM (
            SELECT {{DivisionAt("e.\"AtUtc\"")}} AS "GroupId"
            FROM "TicketEvent" e
            JOIN "Ticket" t ON t."Id" = e."TicketId"
            WHERE e."Kind" = {2} AND e."AtUtc" >= {0} AND e."AtUtc" < {1}
        ) x
        GROUP BY x."GroupId"
        """;

    /// <summary>
    /// First-response minutes of tickets whose first-response clock stopped in [{0}, {1}): at the first reply, or at a
    /// resolution without one; by the division that held the ticket then.
    /// </summary>
    public static readonly string FirstResponseSamples = $$"""
        SELECT {{DivisionAt("COALESCE(t.\"FirstRespondedAtUtc\", t.\"ResolvedAtUtc\")")}} AS "GroupId", t."FirstResponseWorkingMinutes" AS "V"
        FROM "Ticket" t
        WHERE t."FirstResponseWorkingMinutes" IS NOT NULL
          AND ((t."FirstRespondedAtUtc" >= {0} AND t."FirstRespondedAtUtc" < {1})
            OR (t."FirstRespondedAtUtc" IS NULL AND t."ResolvedAtUtc" >= {0} AND t."ResolvedAtUtc" < {1}))
        """;

    /// <summary>Resolution minutes of tickets resolved in [{0}, {1}), by the resolving division (handoffs end at resolution).</summary>
    public const string ResolutionSamples = """
        SELECT t."DivisionId" AS "GroupId", t."ResolutionWorkingMinutes" AS "V"
        FROM "Ticket" t
        WHERE t."ResolvedAtUtc" >= {0} AND t."ResolvedAtUtc" < {1} AND t."ResolutionWorkingMinutes" IS NOT NULL
        """;

    /// <summary>Working minutes to acceptance of handoffs accepted in [{0}, {1}), by the receiving division.</summary>
    public const string HandoffAcceptanceSamples = """
        SELECT h."ToDivisionId" AS "GroupId", h."AcceptanceWorkingMinutes" AS "V"
        FROM "TicketHandoff" h
        WHERE h."AcceptedAtUtc" >= {0} AND h."AcceptedAtUtc" < {1} AND h."AcceptanceWorkingMinutes" IS NOT NULL
        """;

    /// <summary>
    /// Creation times of the tickets open at {0} ({1} = 'Resolved', {2} = 'Reopened'), by the division that held them
    /// then. Open means created before {0} and not resolved at {0}: no resolution before it, or a reopening after the
    /// last one. The stored columns rule out most closed tickets cheaply; the event log decides the rest exactly.
    /// </summary>
    private static readonly string BacklogSamples = $$"""
        SELECT {{DivisionAt("{0}", "<")}} AS "GroupId", t."CreatedAtUtc" AS "V"
        FROM "Ticket" t
        WHERE t."CreatedAtUtc" < {0}
          AND (t."ResolvedAtUtc" IS NULL OR t."ResolvedAtUtc" >= {0} OR t."ReopenCount" > 0)
          AND COALESCE(
                (SELECT e."Kind" FROM "TicketEvent" e
                 WHERE e."TicketId" = t."Id" AND e."Kind" IN ({1}, {2}) AND e."AtUtc" < {0}
                 ORDER BY e."AtUtc" DESC, e."Id" DESC LIMIT 1),
                '') <> {1}
        """;

    /// <summary>Minutes in the stage left by stage changes in [{0}, {1}) ({2} = 'StageChanged'), by that stage.</summary>
    private const string StageSamples = """
        SELECT e."FromStage" AS "GroupId", e."StageWorkingMinutes" AS "V"
        FROM "CaseEvent" e
        WHERE e."Kind" = {2} AND e."AtUtc" >= {0} AND e."AtUtc" < {1}
          AND e."StageWorkingMinutes" IS NOT NULL AND e."FromStage" IS NOT NULL
        """;

    /// <summary>
    /// The nearest-rank median and 90th percentile of "V" per "GroupId" of <paramref name="samples"/>, plus the same over
    /// all samples as <see cref="OfficeGroup"/> when <paramref name="withOffice"/>. Descending ranks the largest first.
    /// </summary>
    private static string Percentiles(string samples, bool withOffice, bool descending = false) => $"""
        WITH s AS (
        {samples}
        ),
        g AS (
            SELECT "GroupId", "V" FROM s
            {(withOffice ? $"UNION ALL SELECT {OfficeGroup}, \"V\" FROM s" : "")}
        ),
        r AS (
            SELECT "GroupId", "V",
                   ROW_NUMBER() OVER (PARTITION BY "GroupId" ORDER BY "V"{(descending ? " DESC" : "")}) AS rn,
                   COUNT(*) OVER (PARTITION BY "GroupId") AS n
            FROM g
        )
        SELECT "GroupId", CAST(n AS INTEGER) AS "SampleSize",
               MAX(CASE WHEN rn = (50 * n + 99) / 100 THEN "V" END) AS "P50",
               MAX(CASE WHEN rn = (90 * n + 99) / 100 THEN "V" END) AS "P90"
        FROM r
        GROUP BY "GroupId", n
        """;

    public static async Task<Dictionary<int, int>> CountAsync(AppDbContext db, string sql, object[] parameters, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<GroupCount>(sql, parameters).ToListAsync(ct)).ToDictionary(r => r.GroupId, r => (int)r.Count);

    /// <summary>Percentiles of integer samples (minutes) per division and for the office.</summary>
    public static async Task<IReadOnlyList<PercentileRow>> PercentilesAsync(AppDbContext db, string samples, object[] parameters, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<PercentileRow>(Percentiles(samples, withOffice: true), parameters).ToListAsync(ct);

    /// <summary>
    /// The backlog's creation times at the median and 90th-percentile age, per division and for the office: ages
    /// ascending are creation times descending, so the database ranks the stored column and no date arithmetic is needed.
    /// </summary>
    public static async Task<IReadOnlyList<InstantPercentileRow>> CreationPercentilesAsync(AppDbContext db, object[] parameters, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<InstantPercentileRow>(Percentiles(BacklogSamples, withOffice: true, descending: true), parameters).ToListAsync(ct);

    /// <summary>Median minutes per case stage, office-wide.</summary>
    public static async Task<IReadOnlyList<StagePercentileRow>> StagePercentilesAsync(AppDbContext db, object[] parameters, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<StagePercentileRow>(Percentiles(StageSamples, withOffice: false), parameters).ToListAsync(ct);

    public sealed class GroupCount
    {
        public int GroupId { get; set; }

        public long Count { get; set; }
    }

    public sealed class PercentileRow
    {
        public int GroupId { get; set; }

        public int SampleSize { get; set; }

        public int? P50 { get; set; }

        public int? P90 { get; set; }
    }

    public sealed class InstantPercentileRow
    {
        public int GroupId { get; set; }

        public int SampleSize { get; set; }

        public DateTime? P50 { get; set; }

        public DateTime? P90 { get; set; }
    }

    public sealed class StagePercentileRow
    {
        /// <summary>The stage left, as stored (its name).</summary>
        public string GroupId { get; set; } = "";

        public int SampleSize { get; set; }

        public int? P50 { get; set; }

        public int? P90 { get; set; }
    }
}
