using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// What the public reads about the office's services, without an account: every active service of the catalogue with
/// its owner division and targets, and each service's published standard. Only published copies and catalogue
/// facts leave this class: no editor names, no working copies, nothing personal.
/// </summary>
public sealed class PublicServiceStandards(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Active services, optionally those whose name, code or division match <paramref name="search"/> and of one division (by code).</summary>
    public async Task<IReadOnlyList<PublicServiceRow>> ListAsync(string? search, string? divisionCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive);
        if (!string.IsNullOrWhiteSpace(divisionCode))
        {
            var code = divisionCode.Trim().ToUpperInvariant();
            query = query.Where(s => s.OwnerDivision!.Code == code);
        }

        var term = search?.Trim() ?? "";
        if (term.Length > 100)
        {
            term = term[..100];
        }

        if (term.Length > 0)
        {
            query = query.WhereContains(term, s => s.NameId, s => s.NameEn, s => s.Code, s => s.OwnerDivision!.Name);
        }

        var rows = await query
            .Select(s => new
            {
                s.Id, s.Code, s.NameId, s.NameEn, DivisionCode = s.OwnerDivision!.Code, DivisionName = s.OwnerDivision.Name,
                s.FirstResponseWorkingDays, s.ResolutionWorkingDays,
            })
            .ToListAsync(ct);
        var published = await PublishedServiceIdsAsync(db, ct);
        var english = IsEnglish;
        return rows
            .Select(r => new PublicServiceRow(r.Code, english && r.NameEn.Length > 0 ? r.NameEn : r.NameId, r.DivisionCode, r.DivisionName,
                r.FirstResponseWorkingDays, r.ResolutionWorkingDays, published.Contains(r.Id)))
            .OrderBy(r => r.DivisionName, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The divisions that own an active service, for the filter.</summary>
    public async Task<IReadOnlyList<PublicDivision>> DivisionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var divisions = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive)
            .Select(s => new { s.OwnerDivision!.Code, s.OwnerDivision.Name })
            .Distinct()
            .ToListAsync(ct);
        return divisions.Select(d => new PublicDivision(d.Code, d.Name)).OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>One active service by code with its published standard rendered to safe HTML; null when there is no such active service.</summary>
    public async Task<PublicStandard?> GetAsync(string code, CancellationToken ct = default)
    {
        var key = code?.Trim().ToUpperInvariant() ?? "";
        if (key.Length is 0 or > 30)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.Set<ServiceType>().AsNoTracking().Where(s => s.IsActive && s.Code == key)
            .Select(s => new { s.Id, s.Code, s.NameId, s.NameEn, DivisionCode = s.OwnerDivision!.Code, DivisionName = s.OwnerDivision.Name, s.FirstResponseWorkingDays, s.ResolutionWorkingDays })
            .FirstOrDefaultAsync(ct);
        if (service is null)
        {
            return null;
        }

        var current = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Kind == ContentKind.ServiceStandard && c.ServiceTypeId == service.Id && c.State != ContentState.Diarsipkan)
            .Join(db.Set<ServiceStandard>().Where(s => s.PublishedAtUtc != null), c => c.Id, s => s.ContentItemId, (c, s) => new { Item = c, Standard = s })
            .OrderByDescending(x => x.Standard.PublishedAtUtc)
            .FirstOrDefaultAsync(ct);
        var name = IsEnglish && service.NameEn.Length > 0 ? service.NameEn : service.NameId;
        PublicStandardText? text = null;
        if (current?.Standard.Published is { } published)
        {
            var reviewed = Latest(current.Standard.PublishedApprovedAtUtc, current.Item.LastReviewedAtUtc) ?? current.Standard.PublishedAtUtc!.Value;
            text = new PublicStandardText(
                published.Components.Select(c => new PublicComponent(c.Field, StandardMarkdown.ToHtml(c.Text))).ToList(),
                StandardMarkdown.ToHtml(published.LegalBasis),
                DateOnly.FromDateTime(Localization.WibTime.ToWib(reviewed)));
        }

        return new PublicStandard(service.Code, name, service.DivisionCode, service.DivisionName, service.FirstResponseWorkingDays, service.ResolutionWorkingDays, text);
    }

    private static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static async Task<HashSet<int>> PublishedServiceIdsAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Kind == ContentKind.ServiceStandard && c.ServiceTypeId != null && c.State != ContentState.Diarsipkan)
            .Join(db.Set<ServiceStandard>().Where(s => s.PublishedAtUtc != null), c => c.Id, s => s.ContentItemId, (c, _) => c.ServiceTypeId!.Value)
            .ToListAsync(ct);
        return ids.ToHashSet();
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

public sealed record PublicServiceRow(
    string Code, string Name, string DivisionCode, string DivisionName, int FirstResponseWorkingDays, int ResolutionWorkingDays, bool HasStandard);

public sealed record PublicDivision(string Code, string Name);

public sealed record PublicStandard(
    string Code, string Name, string DivisionCode, string DivisionName, int FirstResponseWorkingDays, int ResolutionWorkingDays, PublicStandardText? Text);

/// <summary>The published text: the six components as safe HTML (field name = resource suffix), the legal basis, the last review date in WIB.</summary>
public sealed record PublicStandardText(IReadOnlyList<PublicComponent> Components, string LegalBasisHtml, DateOnly LastReviewedWib);

public sealed record PublicComponent(string Field, string Html);
