using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Content.Settings;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// Builds the content inventory from the office site's sitemap (by address or as a file) and from CSV
/// (docs/content.md, "Inventory import"). New addresses become live items owned by the division their URL rule
/// names; addresses already in the inventory are left exactly as they are, so importing again only adds what is
/// new. Bad rows are reported with their line and skipped, as in the cooperative import. IT staff and
/// administrators run it: they run the website.
/// </summary>
public sealed class ContentInventoryImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    SitemapCollector sitemaps,
    IOptions<ContentImportOptions> options,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>The largest CSV file accepted.</summary>
    public const int MaxCsvBytes = 10 * 1024 * 1024;

    /// <summary>Rows saved per transaction: short transactions keep the site usable during a large import.</summary>
    public const int BatchSize = 500;

    private static readonly string[] EditorRoles = [AppRoles.Petugas, AppRoles.KepalaBidang, AppRoles.StafTI];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Whether the current user may import (for pages deciding what to show; the import methods check again).</summary>
    public async Task<bool> CanImportAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        return MayImport(user);
    }

    /// <summary>Fetches the sitemap (or sitemap index) at an http(s) address and imports its pages.</summary>
    public async Task<ContentImportResult> ImportSitemapUrlAsync(string url, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var user = await DemandImporterAsync();
        if (!ContentUrls.TryNormalize(url, out var address))
        {
            return ContentImportResult.Failed(new CsvLineError(0, "ContentImport.BadSitemapUrl", url?.Trim() ?? ""));
        }

        var collection = await sitemaps.CollectAsync(new Uri(address), progress, ct);
        return await ImportSitemapAsync(user, collection, address, progress, ct);
    }

    /// <summary>Imports an uploaded sitemap file (.xml or .xml.gz); an index's children are fetched from their host.</summary>
    public async Task<ContentImportResult> ImportSitemapFileAsync(Stream file, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var user = await DemandImporterAsync();
        if (await ReadCappedAsync(file, SitemapReader.MaxBytes, ct) is not { } data)
        {
            return ContentImportResult.Failed(TooLarge(SitemapReader.MaxBytes));
        }

        var collection = await sitemaps.CollectAsync(data, progress, ct);
        return await ImportSitemapAsync(user, collection, Path.GetFileName(fileName), progress, ct);
    }

    /// <summary>Imports the rows of an inventory CSV: pages, news, announcements and social posts.</summary>
    public async Task<ContentImportResult> ImportCsvAsync(Stream file, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var user = await DemandImporterAsync();
        if (await ReadCappedAsync(file, MaxCsvBytes, ct) is not { } data)
        {
            return ContentImportResult.Failed(TooLarge(MaxCsvBytes));
        }

        progress?.Report(new ImportProgress(ImportStage.Reading, 1, 0));
        var parsed = ContentCsvParser.Parse(new MemoryStream(data, writable: false), DateOnly.FromDateTime(WibTime.ToWib(Now)));
        if (parsed.FileError is not null)
        {
            return ContentImportResult.Failed(parsed.FileError);
        }

        var source = Path.GetFileName(fileName);
        var candidates = parsed.Rows.Select(r => new Candidate(null, r, string.Create(CultureInfo.InvariantCulture, $"{source}:{r.Line}")));
        var rejections = parsed.Errors.Select(e => new ContentImportRejection(null, e));
        var result = await SaveAsync(user, [.. candidates], [.. rejections], filesRead: 1, progress, ct);
        return result with { ReadAsWindows1252 = parsed.ReadAsWindows1252 };
    }

    private async Task<ContentImportResult> ImportSitemapAsync(
        UserContext user, SitemapScan collection, string sourceName, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (collection.FileError is not null)
        {
            return ContentImportResult.Failed(collection.FileError);
        }

        var now = Now;
        var rejections = collection.Rejections.ToList();
        var candidates = new List<Candidate>();
        foreach (var page in collection.Pages)
        {
            if (page.Location.Length == 0)
            {
                rejections.Add(new(page.Source, new CsvLineError(page.Line, "ContentImport.EmptyLocation", "")));
            }
            else if (!ContentUrls.TryNormalize(page.Location, out var url))
            {
                rejections.Add(new(page.Source, new CsvLineError(page.Line, "ContentImport.BadUrl", page.Location)));
            }
            else
            {
                var row = new ContentCsvRow(
                    page.Line, url, null, ContentKind.WebsitePage, ContentChannel.Website, null, null, null, null,
                    SitemapReader.ParseLastModified(page.LastModified, now) ?? now, null);
                candidates.Add(new Candidate(page.Source, row, page.Source ?? sourceName));
            }
        }

        return await SaveAsync(user, candidates, rejections, collection.FilesRead, progress, ct);
    }

    /// <summary>
    /// Resolves each candidate's division, service and editor, drops repeats, then adds the addresses not yet in the
    /// inventory in batches, each batch in one transaction with its history events.
    /// </summary>
    private async Task<ContentImportResult> SaveAsync(
        UserContext user, List<Candidate> candidates, List<ContentImportRejection> rejections, int filesRead, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        Lookups lookups;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var fallbackCode = options.Value.FallbackDivisionCode.Trim().ToUpperInvariant();
            var loaded = await LoadLookupsAsync(db, candidates, fallbackCode, ct);
            if (loaded is null)
            {
                return ContentImportResult.Failed(new CsvLineError(0, "ContentImport.NoFallbackDivision", fallbackCode));
            }

            lookups = loaded;
        }

        var valid = new List<Resolved>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var candidate in candidates)
        {
            var resolved = Resolve(candidate, lookups, out var errors);
            if (errors.Count > 0)
            {
                rejections.AddRange(errors.Select(e => new ContentImportRejection(candidate.Source, e)));
            }
            else if (!seen.Add(candidate.Row.Url))
            {
                duplicates++;
            }
            else
            {
                valid.Add(resolved!);
            }
        }

        int added = 0, present = 0, withoutRule = 0;
        var divisions = new HashSet<int>();
        progress?.Report(new ImportProgress(ImportStage.Saving, 0, valid.Count));
        foreach (var batch in valid.Chunk(BatchSize))
        {
            var (batchAdded, batchWithoutRule) = await SaveBatchAsync(user, batch, divisions, ct);
            added += batchAdded;
            withoutRule += batchWithoutRule;
            present += batch.Length - batchAdded;
            progress?.Report(new ImportProgress(ImportStage.Saving, added + present, valid.Count));
        }

        foreach (var division in divisions)
        {
            changes.Publish(ChangeTopic.Content, division.ToString(CultureInfo.InvariantCulture));
        }

        var ordered = rejections.OrderBy(r => r.Source is not null).ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Error.Line).ToList();
        return new ContentImportResult(added, present, withoutRule, duplicates, filesRead, lookups.Fallback.Code, lookups.Fallback.Name, null, ordered);
    }

    private async Task<(int Added, int WithoutRule)> SaveBatchAsync(UserContext user, Resolved[] batch, HashSet<int> divisions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // Entities are only ever added here, never changed after, so the tracker need not scan them on every save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var urls = batch.Select(r => r.Candidate.Row.Url).ToList();
        var existing = (await db.Set<ContentItem>().Where(c => c.Url != null && urls.Contains(c.Url)).Select(c => c.Url!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = Now;
        var added = new List<(ContentItem Item, string Text)>();
        var withoutRule = 0;
        foreach (var row in batch.Where(r => !existing.Contains(r.Candidate.Row.Url)))
        {
            var c = row.Candidate.Row;
            var item = new ContentItem
            {
                Title = c.Title ?? ContentTitles.FromUrl(c.Url),
                Kind = c.Kind,
                Channel = c.Channel,
                Url = c.Url,
                OwnerDivisionId = row.DivisionId,
                EditorUserId = row.Editor?.Id,
                EditorName = row.Editor?.Name,
                Category = c.Category ?? DefaultCategory(c.Kind),
                ReviewIntervalDaysOverride = c.IntervalDays,
                ServiceTypeId = row.ServiceTypeId,
                // They are on the site (or posted) already: the inventory records them as published.
                State = ContentState.Terbit,
                StateChangedAtUtc = now,
                PublishedAtUtc = c.PublishedAtUtc ?? now,
                CreatedAtUtc = now,
            };
            ContentFreshnessRules.Refresh(item, now);
            db.Add(item);
            added.Add((item, row.Candidate.EventText));
            withoutRule += row.WithoutRule ? 1 : 0;
            divisions.Add(row.DivisionId);
        }

        if (added.Count == 0)
        {
            return (0, 0);
        }

        await db.SaveChangesAsync(ct);
        db.AddRange(added.Select(a => ContentActionSupport.Event(a.Item.Id, ContentEventKind.Imported, user, now, toState: ContentState.Terbit, text: a.Text)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (added.Count, withoutRule);
    }

    private static Resolved? Resolve(Candidate candidate, Lookups lookups, out List<CsvLineError> errors)
    {
        errors = [];
        DivisionRef? division;
        var withoutRule = false;
        if (candidate.Row.DivisionCode is { } code)
        {
            if (!lookups.DivisionsByCode.TryGetValue(code, out division))
            {
                errors.Add(new CsvLineError(candidate.Row.Line, "ContentImport.UnknownDivision", code));
            }
        }
        else if (lookups.Matcher.Match(candidate.Row.Url, pathRulesApply: candidate.Row.Channel == ContentChannel.Website) is { } rule
                 && lookups.DivisionsById.TryGetValue(rule.DivisionId, out var ruled))
        {
            division = ruled;
        }
        else
        {
            division = lookups.Fallback;
            withoutRule = true;
        }

        int? serviceId = null;
        if (candidate.Row.ServiceCode is { } serviceCode)
        {
            if (lookups.Services.TryGetValue(serviceCode, out var id))
            {
                serviceId = id;
            }
            else
            {
                errors.Add(new CsvLineError(candidate.Row.Line, "ContentImport.UnknownService", serviceCode));
            }
        }

        EditorRef? editor = null;
        if (candidate.Row.EditorEmail is { } email)
        {
            if (!lookups.Editors.TryGetValue(email.ToUpperInvariant(), out editor))
            {
                errors.Add(new CsvLineError(candidate.Row.Line, "ContentImport.UnknownEditor", email));
            }
            else if (division is not null && (editor.DivisionId != division.Id || !editor.MayEdit))
            {
                errors.Add(new CsvLineError(candidate.Row.Line, "ContentImport.EditorNotInDivision", email));
            }
        }

        return errors.Count > 0 ? null : new Resolved(candidate, division!.Id, withoutRule, serviceId, editor);
    }

    private static async Task<Lookups?> LoadLookupsAsync(AppDbContext db, List<Candidate> candidates, string fallbackCode, CancellationToken ct)
    {
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive)
            .Select(d => new DivisionRef(d.Id, d.Code, d.Name)).ToListAsync(ct);
        var byCode = divisions.ToDictionary(d => d.Code.ToUpperInvariant(), StringComparer.Ordinal);
        if (!byCode.TryGetValue(fallbackCode, out var fallback))
        {
            return null;
        }

        var rules = await db.Set<ContentUrlRule>().AsNoTracking().Select(r => new UrlRuleEntry(r.Id, r.Prefix, r.DivisionId)).ToListAsync(ct);
        var serviceCodes = candidates.Where(c => c.Row.ServiceCode is not null).Select(c => c.Row.ServiceCode!).Distinct().ToList();
        var services = serviceCodes.Count == 0
            ? []
            : await db.Set<ServiceType>().AsNoTracking().Where(s => serviceCodes.Contains(s.Code))
                .ToDictionaryAsync(s => s.Code.ToUpperInvariant(), s => s.Id, StringComparer.Ordinal, ct);
        var emails = candidates.Where(c => c.Row.EditorEmail is not null).Select(c => c.Row.EditorEmail!.ToUpperInvariant()).Distinct().ToList();
        var editors = emails.Count == 0 ? [] : await LoadEditorsAsync(db, emails, ct);
        return new Lookups(byCode, divisions.ToDictionary(d => d.Id), new ContentUrlRuleMatcher(rules), fallback, services, editors);
    }

    /// <summary>Active accounts by normalised email; who may keep content is the same as the content form's editor list.</summary>
    private static async Task<Dictionary<string, EditorRef>> LoadEditorsAsync(AppDbContext db, List<string> normalizedEmails, CancellationToken ct)
    {
        var editorRoles = db.ActiveStaffInRoles(EditorRoles);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.NormalizedEmail != null && normalizedEmails.Contains(u.NormalizedEmail))
            .Select(u => new { u.Id, u.FullName, u.DivisionId, u.NormalizedEmail, MayEdit = editorRoles.Any(e => e.Id == u.Id) })
            .ToListAsync(ct);
        return users.ToDictionary(
            u => u.NormalizedEmail!,
            u => new EditorRef(u.Id, u.FullName, u.DivisionId, u.MayEdit),
            StringComparer.Ordinal);
    }

    private static InformationCategory DefaultCategory(ContentKind kind) =>
        kind is ContentKind.News or ContentKind.SocialPost ? InformationCategory.Berita : InformationCategory.SetiapSaat;

    private async Task<UserContext> DemandImporterAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        if (!MayImport(user))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not import the content inventory.");
        }

        return user;
    }

    private static bool MayImport(UserContext user) => user.IsInRole(AppRoles.Administrator) || user.IsInRole(AppRoles.StafTI);

    /// <summary>The whole upload, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream file, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static CsvLineError TooLarge(int maxBytes) =>
        new(0, "ContentImport.FileTooLarge", (maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));

    /// <summary>A row or sitemap entry on its way in; <see cref="EventText"/> names where it came from (file:line or the sitemap), for its history.</summary>
    private sealed record Candidate(string? Source, ContentCsvRow Row, string EventText);

    private sealed record Resolved(Candidate Candidate, int DivisionId, bool WithoutRule, int? ServiceTypeId, EditorRef? Editor);

    private sealed record DivisionRef(int Id, string Code, string Name);

    private sealed record EditorRef(string Id, string Name, int DivisionId, bool MayEdit);

    private sealed record Lookups(
        Dictionary<string, DivisionRef> DivisionsByCode,
        Dictionary<int, DivisionRef> DivisionsById,
        ContentUrlRuleMatcher Matcher,
        DivisionRef Fallback,
        Dictionary<string, int> Services,
        Dictionary<string, EditorRef> Editors);
}
