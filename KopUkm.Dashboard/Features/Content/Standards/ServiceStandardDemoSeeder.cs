using System.Globalization;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// Gives every active service of the catalogue a published standard (<see cref="ServiceStandardDemoTexts"/>) in its
/// owner division's queue, as if the division had written it, the head approved it and it was published some weeks
/// ago. Deterministic: the dates follow the service code and the day. Services that already have a standard are
/// left alone, so a rerun adds nothing. Not part of <c>seed-demo --scale</c> (whose rows are counted exactly and
/// unaudited): the load data has no standards.
/// </summary>
public sealed class ServiceStandardDemoSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IDemoSeeder
{
    int IDemoSeeder.Order => 35;

    string IDemoSeeder.Switch => "Demo:SeedContent";

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var seeded = await SeedAsync(ct);
        return seeded == 0 ? new("Cli.DemoStandardsExist") : new("Cli.DemoStandardsSeeded", seeded);
    }

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var covered = await db.Set<ContentItem>()
            .Where(c => c.Kind == ContentKind.ServiceStandard && c.ServiceTypeId != null && c.State != ContentState.Diarsipkan)
            .Select(c => c.ServiceTypeId!.Value).ToListAsync(ct);
        var services = await db.Set<ServiceType>().Where(s => s.IsActive && !covered.Contains(s.Id)).OrderBy(s => s.Code).ToListAsync(ct);
        if (services.Count == 0)
        {
            return 0;
        }

        var staff = await db.ActiveStaffInRoles(AppRoles.Petugas, AppRoles.KepalaBidang)
            .Select(u => new { u.Id, u.FullName, u.DivisionId })
            .ToListAsync(ct);
        var heads = await db.ActiveStaffInRoles(AppRoles.KepalaBidang).Select(u => u.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var service in services)
        {
            var divisionStaff = staff.Where(s => s.DivisionId == service.OwnerDivisionId).OrderBy(s => s.FullName, StringComparer.Ordinal).ToList();
            var editor = divisionStaff.FirstOrDefault(s => !heads.Contains(s.Id)) ?? divisionStaff.FirstOrDefault();
            var head = divisionStaff.FirstOrDefault(s => heads.Contains(s.Id));
            // Published 10 to 69 days ago, approved the working day before: fresh, some due for review within weeks.
            var age = 10 + (service.Code.Sum(c => c) % 60);
            var published = now.Date.AddDays(-age).AddHours(3);
            var approved = published.AddDays(-1);
            var written = approved.AddDays(-2);
            var item = new ContentItem
            {
                Title = "Standar Pelayanan " + service.NameId,
                Kind = ContentKind.ServiceStandard,
                Channel = ContentChannel.Website,
                OwnerDivisionId = service.OwnerDivisionId,
                EditorUserId = editor?.Id,
                EditorName = editor?.FullName,
                Category = InformationCategory.SetiapSaat,
                ServiceTypeId = service.Id,
                State = ContentState.Terbit,
                StateChangedAtUtc = published,
                PublishedAtUtc = published,
                CreatedAtUtc = written,
            };
            ContentFreshnessRules.Refresh(item, now);
            db.Add(item);
            await db.SaveChangesAsync(ct);

            var standard = new ServiceStandard { ContentItemId = item.Id, ApprovedAtUtc = approved, ApprovedByName = head?.FullName ?? "Kepala Bidang" };
            standard.SetWorking(ServiceStandardDemoTexts.For(service.Code, service.NameId, service.FirstResponseWorkingDays, service.ResolutionWorkingDays));
            standard.Publish(published);
            db.Add(standard);
            var by = editor?.FullName ?? "Sistem";
            db.AddRange(
                Event(item.Id, ContentEventKind.Created, editor?.Id, by, written, null, ContentState.Draf),
                Event(item.Id, ContentEventKind.StateChanged, editor?.Id, by, written.AddHours(2), ContentState.Draf, ContentState.Ditinjau),
                Event(item.Id, ContentEventKind.StateChanged, head?.Id, head?.FullName ?? by, approved, ContentState.Ditinjau, ContentState.Disetujui),
                Event(item.Id, ContentEventKind.StateChanged, editor?.Id, by, published, ContentState.Disetujui, ContentState.Terbit));
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return services.Count;
    }

    private static ContentEvent Event(long itemId, ContentEventKind kind, string? userId, string name, DateTime at, ContentState? from, ContentState? to) =>
        new() { ContentItemId = itemId, Kind = kind, ByUserId = userId, ByName = name, AtUtc = at, FromState = from, ToState = to };
}
