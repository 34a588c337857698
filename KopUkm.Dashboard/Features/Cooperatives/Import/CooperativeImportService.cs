using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Imports the office's existing cooperative list (CSV or .xlsx): a preview first, then the valid rows in one
/// transaction. Rows are matched to existing cooperatives by NIK, then NIB; a matched row with the same values
/// changes nothing (its version and audit trail stay as they are), so importing the same file twice is harmless.
/// </summary>
public sealed class CooperativeImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<CooperativeOptions> options,
    TimeProvider clock)
{
    /// <summary>The largest file accepted: the province's whole list is a few hundred kilobytes.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>How many of the valid rows the preview lists.</summary>
    public const int PreviewRowCount = 10;

    /// <summary>What importing the file would do, without writing anything. For the cooperative divisions.</summary>
    public async Task<CooperativeImportPreview> PreviewAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        await DemandWorkerAsync();
        var outcome = await RunAsync(file, fileName, save: false, ct);
        return new CooperativeImportPreview(outcome.Added, outcome.Updated, outcome.Unchanged, outcome.FileError, outcome.Errors, outcome.FirstRows);
    }

    /// <summary>Imports the valid rows of the file in one transaction; bad rows are reported and skipped.</summary>
    public async Task<CooperativeImportResult> ImportAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        await DemandWorkerAsync();
        return (await RunAsync(file, fileName, save: true, ct)).ToResult();
    }

    /// <summary>
    /// For the <c>import-cooperatives</c> operator command only: the operator at the server's console is trusted, so
    /// no signed-in officer is required and changes are audited as the system. With <paramref name="dryRun"/> the
    /// counts say what would happen and nothing is written.
    /// </summary>
    public async Task<CooperativeImportResult> ImportAsOperatorAsync(Stream file, string fileName, bool dryRun, CancellationToken ct = default) =>
        (await RunAsync(file, fileName, save: !dryRun, ct)).ToResult();

    private async Task DemandWorkerAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        if (!CooperativeAccess.CanWork(user, options.Value))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not import cooperatives.");
        }
    }

    private async Task<Outcome> RunAsync(Stream file, string fileName, bool save, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Set<Region>().AsNoTracking()
            .Select(r => new RegionItem(r.Id, r.Code, r.Name, r.Kind, r.IsActive, r.Version))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(WibTime.ToWib(now));
        var parsed = CooperativeImportParser.Parse(file, fileName, regions, today);
        if (parsed.FileError is not null)
        {
            return new Outcome(0, 0, 0, parsed.FileError, [], []);
        }

        var matcher = new CooperativeImportMatcher(await LoadCandidatesAsync(db, parsed.Rows, ct));
        var regionNames = regions.ToDictionary(r => r.Id, r => r.Name);
        var errors = parsed.Errors.ToList();
        var firstRows = new List<CooperativeImportPreviewRow>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in parsed.Rows)
        {
            var (target, matchErrors) = matcher.Match(row);
            var form = target is null ? row.Form : CooperativeImportMatcher.Merge(CooperativeForm.From(target), row.Form, parsed.Columns);
            var rowErrors = matchErrors.Concat(CooperativeImportParser.RuleErrors(row.Line, form, new HashSet<string>(), today)).ToList();
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            CooperativeImportAction action;
            if (target is null)
            {
                var cooperative = new Cooperative { Name = form.Name, CreatedAtUtc = now };
                form.ApplyTo(cooperative);
                db.Add(cooperative);
                action = CooperativeImportAction.Add;
                added++;
            }
            else
            {
                form.ApplyTo(target);

                // This entry only: scanning the whole tracker per row made re-importing 3,000 rows take 20 s.
                db.Entry(target).DetectChanges();
                if (db.Entry(target).State == EntityState.Modified)
                {
                    action = CooperativeImportAction.Update;
                    updated++;
                }
                else
                {
                    action = CooperativeImportAction.Unchanged;
                    unchanged++;
                }
            }

            if (firstRows.Count < PreviewRowCount)
            {
                firstRows.Add(new CooperativeImportPreviewRow(row.Line, form.Name.Trim(), regionNames[form.RegionId], NullIfBlank(form.Nik), NullIfBlank(form.Nib), action));
            }
        }

        var byLine = errors.OrderBy(e => e.Line).ToList();
        if (save && added + updated > 0)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone edited a matched cooperative meanwhile; the transaction wrote nothing, so the file can simply be imported again.
                return new Outcome(0, 0, 0, new CsvLineError(0, "CooperativeImport.Conflict", ""), byLine, []);
            }
        }

        return new Outcome(added, updated, unchanged, null, byLine, firstRows);
    }

    /// <summary>The existing cooperatives the file's rows could match: by NIK, NIB, or (rows without either) name.</summary>
    private static async Task<List<Cooperative>> LoadCandidatesAsync(AppDbContext db, IReadOnlyList<CooperativeImportRow> rows, CancellationToken ct)
    {
        var niks = rows.Select(r => r.Form.Nik.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var nibs = rows.Select(r => r.Form.Nib.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var names = rows.Where(r => string.IsNullOrWhiteSpace(r.Form.Nik) && string.IsNullOrWhiteSpace(r.Form.Nib))
            .Select(r => CooperativeRules.NormalizeName(r.Form.Name)).Distinct().ToList();
        return await db.Set<Cooperative>()
            .Where(c => niks.Contains(c.Nik!) || nibs.Contains(c.Nib!) || names.Contains(c.NormalizedName))
            .ToListAsync(ct);
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Outcome(
        int Added,
        int Updated,
        int Unchanged,
        CsvLineError? FileError,
        IReadOnlyList<CsvLineError> Errors,
        IReadOnlyList<CooperativeImportPreviewRow> FirstRows)
    {
        public CooperativeImportResult ToResult() => new(Added, Updated, Unchanged, FileError, Errors);
    }
}

public enum CooperativeImportAction
{
    Add,
    Update,
    Unchanged,
}

/// <summary>One valid row as the preview lists it.</summary>
public sealed record CooperativeImportPreviewRow(int Line, string Name, string RegionName, string? Nik, string? Nib, CooperativeImportAction Action);

/// <summary>
/// What an import would do: rows to add, to update and already up to date; the rejected lines (each row may
/// have several reasons); or an error that rejects the file as a whole.
/// </summary>
public sealed record CooperativeImportPreview(
    int ToAdd,
    int ToUpdate,
    int Unchanged,
    CsvLineError? FileError,
    IReadOnlyList<CsvLineError> Errors,
    IReadOnlyList<CooperativeImportPreviewRow> FirstRows)
{
    public int BadRows => Errors.Select(e => e.Line).Distinct().Count();

    public bool HasChanges => ToAdd + ToUpdate > 0;
}

/// <summary>What an import did (or, for a dry run, would do).</summary>
public sealed record CooperativeImportResult(int Added, int Updated, int Unchanged, CsvLineError? FileError, IReadOnlyList<CsvLineError> Errors)
{
    public int BadRows => Errors.Select(e => e.Line).Distinct().Count();

    /// <summary>True when the file was read and every row in it was valid.</summary>
    public bool AllRowsValid => FileError is null && Errors.Count == 0;
}
