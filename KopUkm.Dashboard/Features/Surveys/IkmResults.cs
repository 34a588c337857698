using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>
/// One group's IKM in a period (the office, a division or a service): the result, the previous period's IKM for the
/// trend, the population (requests resolved in the period) and the Krejcie–Morgan minimum sample for it.
/// </summary>
public sealed record IkmGroupResult(string Code, string Name, IkmResult Result, decimal? PreviousIkm, int Population, int MinimumSample)
{
    /// <summary>"Sampel cukup" when the respondents reach the minimum sample of the population.</summary>
    public bool SampleEnough => Result.Respondents > 0 && Result.Respondents >= MinimumSample;

    public decimal? Delta => Result.Ikm is { } now && PreviousIkm is { } before ? now - before : null;
}

/// <summary>A period's IKM: the office (with the previous period's elements), each division and each service.</summary>
public sealed record IkmReport(IkmPeriod Period, IkmGroupResult Office, IkmResult PreviousOffice, IReadOnlyList<IkmGroupResult> Divisions, IReadOnlyList<IkmGroupResult> Services);

/// <summary>One suggestion a respondent wrote: when, for which service, the text.</summary>
public sealed record IkmSuggestion(DateTime AnsweredAtUtc, string ServiceName, string Text);

/// <summary>
/// The leadership view of the IKM (Pimpinan and administrators, as the Metrik page): results per office, division and
/// service for a period, and the suggestions, paged in SQL.
/// </summary>
public sealed class IkmResults(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>The report of a period and, for the trend, the one before.</summary>
    public async Task<IkmReport> ReportAsync(IkmPeriod period, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewMetrics);
        return await BuildAsync(dbFactory, period, ct);
    }

    /// <summary>
    /// The IKM of the office (key "") and of each division (key: its code) over any stretch of time — the Metrik
    /// table's IKM column, for its week, month, quarter or year. Only divisions with answers have a key.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IkmResult>> ByDivisionAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewMetrics);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var answers = await db.Set<IkmSurvey>().AsNoTracking()
            .Where(s => s.AnsweredAtUtc >= fromUtc && s.AnsweredAtUtc < toUtc)
            .Join(db.Set<Division>(), s => s.DivisionId, d => d.Id, (s, d) => new
            {
                d.Code,
                Scores = new[] { s.Score1 ?? 0, s.Score2 ?? 0, s.Score3 ?? 0, s.Score4 ?? 0, s.Score5 ?? 0, s.Score6 ?? 0, s.Score7 ?? 0, s.Score8 ?? 0, s.Score9 ?? 0 },
            })
            .ToListAsync(ct);
        var results = answers.GroupBy(a => a.Code)
            .ToDictionary(g => g.Key, g => IkmRules.Compute(g.Select(a => (IReadOnlyList<int>)a.Scores)), StringComparer.Ordinal);
        results[""] = IkmRules.Compute(answers.Select(a => (IReadOnlyList<int>)a.Scores));
        return results;
    }

    /// <summary>The suggestions of a period, newest first, a page at a time.</summary>
    public async Task<(IReadOnlyList<IkmSuggestion> Items, int Total)> SuggestionsAsync(IkmPeriod period, int page, int pageSize, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.ViewMetrics);
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<IkmSurvey>().AsNoTracking()
            .Where(s => s.AnsweredAtUtc >= period.StartUtc && s.AnsweredAtUtc < period.EndUtc && s.Suggestion != null);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.AnsweredAtUtc).ThenByDescending(s => s.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Join(db.Set<ServiceType>(), s => s.ServiceTypeId, st => st.Id, (s, st) => new { s.AnsweredAtUtc, st.NameId, st.NameEn, s.Suggestion })
            .ToListAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return ([.. items.Select(i => new IkmSuggestion(i.AnsweredAtUtc!.Value, english && i.NameEn.Length > 0 ? i.NameEn : i.NameId, i.Suggestion!))], total);
    }

    /// <summary>The arithmetic over the stored answers, without an access check: the public page's aggregates use it too.</summary>
    internal static async Task<IkmReport> BuildAsync(IDbContextFactory<AppDbContext> dbFactory, IkmPeriod period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = period.Previous();
        var answers = await db.Set<IkmSurvey>().AsNoTracking()
            .Where(s => s.AnsweredAtUtc >= previous.StartUtc && s.AnsweredAtUtc < period.EndUtc)
            .Select(s => new Answer(s.ServiceTypeId, s.DivisionId, s.AnsweredAtUtc!.Value >= period.StartUtc,
                new[] { s.Score1 ?? 0, s.Score2 ?? 0, s.Score3 ?? 0, s.Score4 ?? 0, s.Score5 ?? 0, s.Score6 ?? 0, s.Score7 ?? 0, s.Score8 ?? 0, s.Score9 ?? 0 }))
            .ToListAsync(ct);
        var resolved = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ResolvedAtUtc >= period.StartUtc && t.ResolvedAtUtc < period.EndUtc)
            .GroupBy(t => new { t.DivisionId, t.ServiceTypeId })
            .Select(g => new { g.Key.DivisionId, g.Key.ServiceTypeId, Count = g.Count() })
            .ToListAsync(ct);
        var divisions = await db.Set<Division>().AsNoTracking().Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var services = await db.Set<ServiceType>().AsNoTracking().Select(s => new { s.Id, s.Code, s.NameId, s.NameEn }).ToListAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        IkmGroupResult Group(string code, string name, Func<Answer, bool> inGroup, int population)
        {
            var now = IkmRules.Compute(answers.Where(a => a.Current && inGroup(a)).Select(a => (IReadOnlyList<int>)a.Scores));
            var before = IkmRules.Compute(answers.Where(a => !a.Current && inGroup(a)).Select(a => (IReadOnlyList<int>)a.Scores));
            return new IkmGroupResult(code, name, now, before.Ikm, population, IkmRules.MinimumSample(population));
        }

        var office = Group("", "", _ => true, resolved.Sum(r => r.Count));
        var previousOffice = IkmRules.Compute(answers.Where(a => !a.Current).Select(a => (IReadOnlyList<int>)a.Scores));
        var divisionRows = divisions
            .Where(d => answers.Any(a => a.DivisionId == d.Id) || resolved.Any(r => r.DivisionId == d.Id))
            .Select(d => Group(d.Code, d.Name, a => a.DivisionId == d.Id, resolved.Where(r => r.DivisionId == d.Id).Sum(r => r.Count)))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
        var serviceRows = services
            .Where(s => answers.Any(a => a.ServiceTypeId == s.Id) || resolved.Any(r => r.ServiceTypeId == s.Id))
            .Select(s => Group(s.Code, english && s.NameEn.Length > 0 ? s.NameEn : s.NameId, a => a.ServiceTypeId == s.Id, resolved.Where(r => r.ServiceTypeId == s.Id).Sum(r => r.Count)))
            .OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .ToList();
        return new IkmReport(period, office, previousOffice, divisionRows, serviceRows);
    }

    private sealed record Answer(int ServiceTypeId, int DivisionId, bool Current, int[] Scores);
}
