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
/// Imports the office's existing cooperative list (CSV or .xlsx): a preview first, then the valid rows, all or
/// nothing. Rows are matched to existing cooperatives by NIK, then NIB; a matched row with the same values changes
/// nothing (its version and audit trail stay as they are), so importing the same file twice is harmless.
/// <para>
/// A file of any length is read as a stream, twice, <see cref="BatchSize"/> rows at a time. The first pass checks
/// each row, looks up the cooperatives the batch could match (a few thousand query parameters at most) and decides
/// what each row does, writing nothing; the register as it was before the import is all any row is matched against.
/// The second pass, only when saving, reads the file again and writes each batch inside one transaction, clearing
/// the change tracker after each, so memory stays flat and a failure anywhere leaves the register untouched.
/// </para>
/// </summary>
public sealed class CooperativeImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IOptions<CooperativeOptions> options,
    IOptions<CooperativeImportOptions> limits,
    TimeProvider clock)
{
    /// <summary>Rows checked, looked up and saved together: at most three lookup values a row, far under SQLite's 32,766 parameters.</summary>
    public const int BatchSize = 1_000;

    /// <summary>How many of the valid rows the preview lists.</summary>
    public const int PreviewRowCount = 10;

    /// <summary>Reasons kept for the page and the console; the counts of bad rows stay exact beyond it.</summary>
    public const int MaxReportedErrors = 10_000;

    /// <summary>The limits files are held to (<c>Cooperatives:Import</c>), for pages that say them.</summary>
    public CooperativeImportOptions Limits => limits.Value;

    /// <summary>Whether the current user may import (for the page deciding what to show; the import methods check again).</summary>
    public async Task<bool> CanImportAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        return CooperativeAccess.CanWork(user, options.Value);
    }

    /// <summary>What importing the file would do, without writing anything. For the cooperative divisions.</summary>
    /// <param name="file">A seekable stream (a file or a buffer), read from its position.</param>
    public async Task<CooperativeImportPreview> PreviewAsync(Stream file, string fileName, IProgress<CooperativeImportProgress>? progress = null, CancellationToken ct = default)
    {
        await DemandWorkerAsync();
        var run = await StartAsync(ct);
        try
        {
            return (await PlanAsync(run, file, fileName, progress, ct)).ToPreview();
        }
        catch (CooperativeImportFileException ex)
        {
            return new CooperativeImportPreview(0, 0, 0, ex.Error, [], [], 0, 0, false);
        }
    }

    /// <summary>Imports the valid rows of the file, all of them or (on any failure) none; bad rows are reported and skipped.</summary>
    /// <param name="file">A seekable stream (a file or a buffer), read from its position, twice.</param>
    public async Task<CooperativeImportResult> ImportAsync(Stream file, string fileName, IProgress<CooperativeImportProgress>? progress = null, CancellationToken ct = default)
    {
        await DemandWorkerAsync();
        return await RunAsync(file, fileName, save: true, progress, ct);
    }

    /// <summary>
    /// For the <c>import-cooperatives</c> operator command only: the operator at the server's console is trusted, so
    /// no signed-in officer is required and changes are audited as the system. With <paramref name="dryRun"/> the
    /// counts say what would happen and nothing is written.
    /// </summary>
    public Task<CooperativeImportResult> ImportAsOperatorAsync(
        Stream file, string fileName, bool dryRun, IProgress<CooperativeImportProgress>? progress = null, CancellationToken ct = default) =>
        RunAsync(file, fileName, save: !dryRun, progress, ct);

    private async Task DemandWorkerAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewCooperatives);
        if (!CooperativeAccess.CanWork(user, options.Value))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not import cooperatives.");
        }
    }

    private async Task<CooperativeImportResult> RunAsync(Stream file, string fileName, bool save, IProgress<CooperativeImportProgress>? progress, CancellationToken ct)
    {
        var start = file.CanSeek ? file.Position : 0;
        var run = await StartAsync(ct);
        CooperativeImportPlan? plan = null;
        try
        {
            plan = await PlanAsync(run, file, fileName, progress, ct);
            if (save && plan.ToSave > 0)
            {
                file.Position = start;
                await ApplyAsync(run, plan, file, fileName, progress, ct);
            }

            return plan.ToResult();
        }
        catch (CooperativeImportFileException ex)
        {
            return new CooperativeImportResult(0, 0, 0, ex.Error, [], 0, 0, false);
        }
        catch (Exception ex) when (plan is not null && (ex is ConcurrencyConflictException || (ex is DbUpdateException update && IsUniqueViolation(update))))
        {
            // Someone changed or added a cooperative the file names since the first pass; the transaction wrote
            // nothing, so the file can simply be imported again.
            return plan.ToRefusal(new CsvLineError(0, "CooperativeImport.Conflict", ""));
        }
    }

    private async Task<ImportRun> StartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await db.Set<Region>().AsNoTracking()
            .Select(r => new RegionItem(r.Id, r.Code, r.Name, r.Kind, r.IsActive, r.Version))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ImportRun(regions, regions.ToDictionary(r => r.Id, r => r.Name), now, DateOnly.FromDateTime(WibTime.ToWib(now)));
    }

    /// <summary>The first pass: checks and matches every row, writing nothing.</summary>
    private async Task<CooperativeImportPlan> PlanAsync(ImportRun run, Stream file, string fileName, IProgress<CooperativeImportProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        using var reader = CooperativeImportReader.Open(file, fileName, limits.Value);
        var checker = new CooperativeImportRowChecker(run.Regions, run.Today);
        var matcher = new CooperativeImportMatcher();
        var plan = new CooperativeImportPlan(reader.Columns, reader.ReadAsWindows1252);
        foreach (var batch in reader.Rows().Chunk(BatchSize))
        {
            var batchErrors = new List<CsvLineError>();
            var rows = Check(checker, batch, batchErrors);

            // Tracked only to tell an update from a row that changes nothing; cleared below, never saved.
            matcher.Use(await LoadCandidatesAsync(db, rows, ct));
            foreach (var row in rows)
            {
                var (target, matchErrors) = matcher.Match(row);
                var form = target is null ? row.Form : CooperativeImportMatcher.Merge(CooperativeForm.From(target), row.Form, plan.Columns);
                var rowErrors = matchErrors.Concat(CooperativeImportParser.RuleErrors(row.Line, form, EmptyFields, run.Today)).ToList();
                if (rowErrors.Count > 0)
                {
                    batchErrors.AddRange(rowErrors);
                    continue;
                }

                plan.Count(new CooperativeImportPreviewRow(
                    row.Line, form.Name.Trim(), run.RegionNames[form.RegionId], NullIfBlank(form.Nik), NullIfBlank(form.Nib), Decide(db, plan, row.Line, target, form)));
            }

            plan.Reject(batchErrors);
            db.ChangeTracker.Clear();
            progress?.Report(new CooperativeImportProgress(CooperativeImportStage.Checking, reader.RowsRead, null, reader.Fraction));
            ct.ThrowIfCancellationRequested();
        }

        return plan;
    }

    private static CooperativeImportAction Decide(AppDbContext db, CooperativeImportPlan plan, int line, Cooperative? target, CooperativeForm form)
    {
        if (target is null)
        {
            plan.Add(line);
            return CooperativeImportAction.Add;
        }

        form.ApplyTo(target);

        // This entry only: scanning the whole tracker per row made re-importing 3,000 rows take 20 s.
        db.Entry(target).DetectChanges();
        if (db.Entry(target).State != EntityState.Modified)
        {
            return CooperativeImportAction.Unchanged;
        }

        plan.Update(line, target.Id, target.Version);
        return CooperativeImportAction.Update;
    }

    /// <summary>
    /// The second pass: reads the file again and saves what the plan decided, a batch at a time in one transaction.
    /// A cooperative the plan updates must still be at the version the plan saw; otherwise everything is rolled back.
    /// </summary>
    private async Task ApplyAsync(ImportRun run, CooperativeImportPlan plan, Stream file, string fileName, IProgress<CooperativeImportProgress>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var reader = CooperativeImportReader.Open(file, fileName, limits.Value);
        var checker = new CooperativeImportRowChecker(run.Regions, run.Today, trackRepeats: false);
        var saved = 0;
        foreach (var batch in reader.Rows().Chunk(BatchSize))
        {
            var rows = Check(checker, batch, null)
                .Select(r => (Row: r, Decision: plan.DecisionFor(r.Line)))
                .Where(r => r.Decision is not null)
                .Select(r => (r.Row, Decision: r.Decision!.Value))
                .ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var ids = rows.Where(r => r.Decision.Action == CooperativeImportAction.Update).Select(r => r.Decision.CooperativeId).ToList();
            var targets = ids.Count == 0
                ? []
                : await db.Set<Cooperative>().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var (row, decision) in rows)
            {
                if (decision.Action == CooperativeImportAction.Add)
                {
                    var cooperative = new Cooperative { Name = row.Form.Name, CreatedAtUtc = run.Now };
                    row.Form.ApplyTo(cooperative);
                    db.Add(cooperative);
                }
                else if (targets.TryGetValue(decision.CooperativeId, out var target) && target.Version == decision.Version)
                {
                    CooperativeImportMatcher.Merge(CooperativeForm.From(target), row.Form, plan.Columns).ApplyTo(target);
                }
                else
                {
                    throw new ConcurrencyConflictException($"Cooperative {decision.CooperativeId} changed during the import.");
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            saved += rows.Count;
            progress?.Report(new CooperativeImportProgress(CooperativeImportStage.Saving, saved, plan.ToSave, (double)saved / plan.ToSave));
        }

        if (saved != plan.ToSave)
        {
            throw new InvalidOperationException($"The second pass found {saved} rows to save where the first found {plan.ToSave}.");
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The valid rows of a batch; the reasons for the others go to <paramref name="errors"/> when given.</summary>
    private static List<CooperativeImportRow> Check(CooperativeImportRowChecker checker, (int Line, object?[] Cells)[] batch, List<CsvLineError>? errors)
    {
        var rows = new List<CooperativeImportRow>(batch.Length);
        foreach (var (line, cells) in batch)
        {
            var (row, rowErrors) = checker.Check(line, cells);
            if (row is not null)
            {
                rows.Add(row);
            }

            errors?.AddRange(rowErrors);
        }

        return rows;
    }

    /// <summary>The existing cooperatives a batch's rows could match: by NIK, NIB, or (rows without either) name.</summary>
    private static async Task<List<Cooperative>> LoadCandidatesAsync(AppDbContext db, List<CooperativeImportRow> rows, CancellationToken ct)
    {
        var niks = rows.Select(r => r.Form.Nik.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var nibs = rows.Select(r => r.Form.Nib.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var names = rows.Where(r => string.IsNullOrWhiteSpace(r.Form.Nik) && string.IsNullOrWhiteSpace(r.Form.Nib))
            .Select(r => CooperativeRules.NormalizeName(r.Form.Name)).Distinct().ToList();
        if (niks.Count + nibs.Count + names.Count == 0)
        {
            return [];
        }

        return await db.Set<Cooperative>()
            .Where(c => niks.Contains(c.Nik!) || nibs.Contains(c.Nib!) || names.Contains(c.NormalizedName))
            .ToListAsync(ct);
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => DatabaseErrors.IsUniqueViolation(ex);

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static readonly IReadOnlySet<string> EmptyFields = new HashSet<string>();

    private sealed record ImportRun(IReadOnlyList<RegionItem> Regions, IReadOnlyDictionary<int, string> RegionNames, DateTime Now, DateOnly Today);
}

public enum CooperativeImportAction
{
    Add,
    Update,
    Unchanged,
}

public enum CooperativeImportStage
{
    Checking,
    Saving,
}

/// <summary>How far an import is: rows read while checking, or rows saved out of <see cref="Total"/>.</summary>
/// <param name="Fraction">How far through, 0 to 1, when it can be told (a workbook without a declared size cannot).</param>
public sealed record CooperativeImportProgress(CooperativeImportStage Stage, int Rows, int? Total, double? Fraction);

/// <summary>One valid row as the preview lists it.</summary>
public sealed record CooperativeImportPreviewRow(int Line, string Name, string RegionName, string? Nik, string? Nib, CooperativeImportAction Action);

/// <summary>
/// What an import would do: rows to add, to update and already up to date; the rejected lines (each row may have
/// several reasons; the first <see cref="CooperativeImportService.MaxReportedErrors"/> are listed, all are counted);
/// or an error that rejects the file as a whole. <see cref="ReadAsWindows1252"/>: the CSV was not UTF-8 and was
/// read as Windows-1252, so names with accents deserve a look.
/// </summary>
public sealed record CooperativeImportPreview(
    int ToAdd,
    int ToUpdate,
    int Unchanged,
    CsvLineError? FileError,
    IReadOnlyList<CsvLineError> Errors,
    IReadOnlyList<CooperativeImportPreviewRow> FirstRows,
    int BadRows,
    int ErrorCount,
    bool ReadAsWindows1252)
{
    public bool HasChanges => ToAdd + ToUpdate > 0;
}

/// <summary>What an import did (or, for a dry run, would do); see <see cref="CooperativeImportPreview"/>.</summary>
public sealed record CooperativeImportResult(
    int Added,
    int Updated,
    int Unchanged,
    CsvLineError? FileError,
    IReadOnlyList<CsvLineError> Errors,
    int BadRows,
    int ErrorCount,
    bool ReadAsWindows1252)
{
    /// <summary>True when the file was read and every row in it was valid.</summary>
    public bool AllRowsValid => FileError is null && BadRows == 0;
}
