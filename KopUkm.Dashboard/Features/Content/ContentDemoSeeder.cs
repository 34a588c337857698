using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Fills an empty content table with about 600 demo pages and posts across all divisions and channels: review
/// histories that leave some fresh, some due soon, some overdue, a few broken pages with their failed checks, and
/// social channels posting at different cadences. Deterministic for a seed and a day. Used by <c>seed-demo</c> and,
/// in Development with demo accounts, at start (<c>Demo:SeedContent</c>).
/// </summary>
public sealed class ContentDemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    ContentReviewAgeService reviewAge,
    TimeProvider clock,
    ILogger<ContentDemoSeeder> logger) : IDemoSeeder, IScaleSeeder
{
    int IDemoSeeder.Order => 30;

    string IDemoSeeder.Switch => "Demo:SeedContent";

    int IScaleSeeder.Order => 30;

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var seeded = await SeedAsync(seed ?? DefaultSeed, ct);
        return seeded == 0 ? new("Cli.DemoContentExists") : new("Cli.DemoContentSeeded", seeded);
    }

    async Task<IReadOnlyDictionary<string, int>> IScaleSeeder.SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct) =>
        new Dictionary<string, int> { ["ContentItems"] = await SeedScaleAsync(scale, seed, progress, ct) };

    public const int DefaultSeed = 2026;

    /// <summary>The office site the demo inventory lives on; checks stay off until an administrator configures a real site.</summary>
    public const string DemoSiteBase = "https://dinaskopukm.jambiprov.go.id";

    private static readonly Dictionary<string, (string Slug, string[] Topics)> Divisions = new()
    {
        ["SEK"] = ("sekretariat", ["Profil Dinas", "Struktur Organisasi", "Rencana Strategis", "Laporan Kinerja", "PPID", "Pengaduan Masyarakat", "Daftar Informasi Publik", "Anggaran", "Maklumat Pelayanan", "Survei Kepuasan Masyarakat"]),
        ["KLM"] = ("koperasi/kelembagaan", ["Pendirian Koperasi", "Perubahan Anggaran Dasar", "NIK Koperasi", "Pelaporan RAT", "Koperasi Syariah", "Pembubaran Koperasi", "Online Data System", "Akta Pendirian"]),
        ["PWS"] = ("koperasi/pengawasan", ["Pemeriksaan Kesehatan KSP", "Sanksi Administratif", "Pengawasan Koperasi Simpan Pinjam", "Laporan Keuangan Koperasi", "Penilaian Kesehatan USP", "Pengaduan Anggota Koperasi"]),
        ["PMK"] = ("koperasi/pemberdayaan", ["Pelatihan Pengurus Koperasi", "Kemitraan Usaha Koperasi", "Koperasi Produsen", "Digitalisasi Koperasi", "Koperasi Desa Merah Putih", "Pendampingan Koperasi"]),
        ["UMK"] = ("umkm", ["NIB melalui OSS", "Sertifikasi Halal", "Kredit Usaha Rakyat", "Pelatihan UMKM", "Izin Edar PIRT", "Pendataan UMKM", "Merek Dagang", "Bantuan Modal Usaha"]),
        ["PLUT"] = ("plut", ["Konsultasi Bisnis", "Pendampingan UMKM", "Kurasi Produk", "Pameran Produk", "Ruang Pamer PLUT", "Kelas Pemasaran Digital", "Klinik Kemasan"]),
        ["TI"] = ("layanan-digital", ["Aplikasi Layanan", "Kebijakan Privasi", "Panduan Layanan Daring", "Peta Situs", "Aksesibilitas", "Keamanan Informasi"]),
    };

    private static readonly string[] PageTemplates = ["Persyaratan {0}", "Prosedur {0}", "Standar Pelayanan {0}", "Formulir {0}", "Tanya Jawab {0}", "Jadwal {0}"];

    private static readonly string[] NewsTemplates =
    [
        "Sosialisasi {0} di Kabupaten {1}", "Bimbingan Teknis {0} bagi Pelaku Usaha {1}", "Monitoring {0} di Kota {1}",
        "Rapat Koordinasi {0} Tingkat Provinsi", "Penyerahan Sertifikat {0} kepada Pelaku Usaha {1}",
    ];

    private static readonly string[] Regions = ["Muaro Jambi", "Batang Hari", "Tebo", "Bungo", "Merangin", "Sarolangun", "Kerinci", "Tanjung Jabung Barat", "Tanjung Jabung Timur", "Sungai Penuh", "Jambi"];

    private static readonly string[] ReviewNotes =
    [
        "Isi masih sesuai dengan prosedur yang berlaku.", "Sudah dicek bersama kepala bidang, tidak ada perubahan.",
        "Nomor kontak dan jam layanan sudah benar.", "Persyaratan sudah sesuai peraturan terbaru.", "Tautan formulir diperiksa dan berfungsi.",
    ];

    public async Task<int> SeedAsync(int seed = DefaultSeed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<ContentItem>().AnyAsync(ct))
        {
            return 0;
        }

        var random = new Random(seed);
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var now = DemoDay.AsOfUtc(clock);
        var inventory = await InventoryAsync(db, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var items = Compose(random, now, inventory, suffix: "");

        // Generated addresses are unique by construction; keep the unique index safe should two titles ever meet.
        items = items.DistinctBy(i => (object?)i.Item.Url ?? i.Item).ToList();

        // Insert in one transaction: items first (for their ids), then their histories and checks.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AddRange(items.Select(i => i.Item));
        await db.SaveChangesAsync(ct);
        foreach (var (item, events, checks) in items)
        {
            events.ForEach(e => e.ContentItemId = item.Id);
            checks.ForEach(c => c.ContentItemId = item.Id);
            db.AddRange(events);
            db.AddRange(checks);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // The nightly pass moves what is past its review date to Perlu Pembaruan, with its own history rows.
        var pass = await reviewAge.RunAsOfAsync(now, ct);
        logger.LogInformation("Seeded {Count} demo content items; {Flagged} flagged as needing an update", items.Count, pass.FlaggedStale);
        return items.Count;
    }

    /// <summary>
    /// Seeds <see cref="DemoScale.ContentItems"/> items for load measurements (<c>seed-demo --scale</c>), if there are
    /// none yet: the demo inventory repeated (later rounds numbered in title and address) with its histories and
    /// check logs, freshness and overdue flags as the nightly pass would leave them, written by prepared inserts in one
    /// transaction, without audit rows. Returns how many items were added.
    /// </summary>
    public async Task<int> SeedScaleAsync(DemoScale scale, int seed = DefaultSeed, IProgress<DemoSeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var stopwatch = Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<ContentItem>().AnyAsync(ct))
        {
            return 0;
        }

        var random = new Random(seed);
        // As of the start of the WIB day, so that every seeding of the day writes the same rows (DemoDay).
        var now = DemoDay.AsOfUtc(clock);
        var inventory = await InventoryAsync(db, ct);
        var items = new List<(ContentItem Item, List<ContentEvent> Events, List<ContentCheck> Checks)>(scale.ContentItems);
        for (var round = 0; items.Count < scale.ContentItems; round++)
        {
            var composed = Compose(random, now, inventory, round == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {round + 1}"));
            if (composed.Count == 0)
            {
                throw new InvalidOperationException("Seed the reference data (divisions) before the demo content.");
            }

            items.AddRange(composed.Take(scale.ContentItems - items.Count));
        }

        long nextId = 1;
        foreach (var (item, events, checks) in items)
        {
            item.Id = nextId++;
            if (ContentReviewAgeService.Age(item, now) is { } flagged)
            {
                events.Add(flagged);
            }

            events.ForEach(e => e.ContentItemId = item.Id);
            checks.ForEach(c => c.ContentItemId = item.Id);
        }

        BulkInsert.Rows(db, items.Select(i => i.Item), ct);
        BulkInsert.Rows(db, items.SelectMany(i => i.Events), ct);
        BulkInsert.Rows(db, items.SelectMany(i => i.Checks), ct);
        await transaction.CommitAsync(ct);
        progress?.Report(new DemoSeedProgress(DemoSeedPart.ContentItems, items.Count, items.Count, stopwatch.Elapsed));
        return items.Count;
    }

    /// <summary>
    /// One round of the demo inventory: per division, pages per topic, news, announcements, social posts and work in
    /// progress. <paramref name="suffix"/> is added to titles (and so to addresses) to keep later rounds unique.
    /// </summary>
    private static List<(ContentItem Item, List<ContentEvent> Events, List<ContentCheck> Checks)> Compose(
        Random random, DateTime now, DemoInventory inventory, string suffix)
    {
        var items = new List<(ContentItem Item, List<ContentEvent> Events, List<ContentCheck> Checks)>();
        foreach (var (code, (slug, topics)) in Divisions)
        {
            if (!inventory.Divisions.TryGetValue(code, out var division))
            {
                continue;
            }

            var editors = inventory.Editors.GetValueOrDefault(division.Id, []);
            var divisionServices = inventory.Services.Where(s => s.OwnerDivisionId == division.Id).Select(s => s.Id).ToList();
            foreach (var topic in topics)
            {
                // Five or six pages per topic: requirements, procedure, standard, form...
                foreach (var template in PageTemplates.Take(5 + random.Next(2)))
                {
                    var title = string.Format(CultureInfo.InvariantCulture, template, topic) + suffix;
                    var category = template.StartsWith("Jadwal", StringComparison.Ordinal) ? InformationCategory.Berkala : InformationCategory.SetiapSaat;
                    items.Add(Page(random, now, division.Id, $"{DemoSiteBase}/{slug}/{Slugify(title)}", title, ContentKind.WebsitePage, category, editors,
                        divisionServices.Count > 0 && template.Contains("Standar", StringComparison.Ordinal) ? divisionServices[random.Next(divisionServices.Count)] : null));
                }
            }

            // News: published over the last year, never reviewed (archived after a while instead).
            for (var i = 0; i < 20; i++)
            {
                var title = string.Format(CultureInfo.InvariantCulture, NewsTemplates[random.Next(NewsTemplates.Length)], topics[random.Next(topics.Length)], Regions[random.Next(Regions.Length)]);
                var published = now.AddDays(-random.Next(1, 360)).AddMinutes(-random.Next(600));
                title = $"{title} ({WibDate(published, "d MMM yyyy")}){suffix}";
                var news = NewItem(title, ContentKind.News, ContentChannel.Website, $"{DemoSiteBase}/berita/{Slugify(title)}-{code.ToLowerInvariant()}{i}", division.Id, InformationCategory.Berita, editors, random, published);
                news.State = published < now.AddDays(-300) ? ContentState.Diarsipkan : ContentState.Terbit;
                items.Add((news, [Created(news, published), Moved(news, published, ContentState.Draf, ContentState.Terbit)], []));
            }

            // Announcements (serta-merta): short-lived notices with a 30-day review.
            for (var i = 0; i < 3; i++)
            {
                var title = $"Pengumuman {topics[random.Next(topics.Length)]} {WibDate(now.AddDays(-30 * i), "MMMM yyyy")}{suffix}";
                items.Add(Page(random, now, division.Id, $"{DemoSiteBase}/pengumuman/{Slugify(title)}-{code.ToLowerInvariant()}", title, ContentKind.Announcement, InformationCategory.SertaMerta, editors, null));
            }

            items.AddRange(SocialPosts(random, now, code, division.Id, topics, editors, suffix));
            items.AddRange(WorkInProgress(random, now, division.Id, slug, topics, editors, suffix));
        }

        return items;
    }

    private static async Task<DemoInventory> InventoryAsync(AppDbContext db, CancellationToken ct) => new(
        await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Code, ct),
        await EditorsAsync(db, ct),
        await db.Set<ServiceType>().AsNoTracking().Select(s => new DemoService(s.Id, s.OwnerDivisionId)).ToListAsync(ct));

    private static (ContentItem, List<ContentEvent>, List<ContentCheck>) Page(
        Random random, DateTime now, int divisionId, string url, string title, ContentKind kind, InformationCategory category, List<(string Id, string Name)> editors, int? serviceId)
    {
        var published = now.AddDays(-random.Next(120, 900));
        var item = NewItem(title, kind, ContentChannel.Website, url, divisionId, category, editors, random, published);
        item.ServiceTypeId = serviceId;
        item.State = ContentState.Terbit;
        var events = new List<ContentEvent> { Created(item, published), Moved(item, published, ContentState.Draf, ContentState.Terbit) };

        // Review history: most pages cared for, some left alone long enough to be overdue, a few due within days.
        var interval = ContentFreshnessRules.IntervalDays(item) ?? 90;
        var roll = random.NextDouble();
        var daysSinceReview = roll switch
        {
            < 0.55 => random.Next(1, interval - 20),
            < 0.72 => random.Next(interval - 14, interval),
            _ => random.Next(interval + 1, interval + 200),
        };
        var reviewedAt = now.AddDays(-daysSinceReview).AddHours(-random.Next(1, 8));
        if (reviewedAt > published)
        {
            item.LastReviewedAtUtc = reviewedAt;
            item.LastReviewedByName = item.EditorName ?? "Admin Dinas";
            item.LastReviewNote = ReviewNotes[random.Next(ReviewNotes.Length)];
            events.Add(new ContentEvent
            {
                Kind = ContentEventKind.Reviewed, Text = item.LastReviewNote, ByUserId = item.EditorUserId, ByName = item.LastReviewedByName, AtUtc = reviewedAt,
            });
        }

        var checks = new List<ContentCheck>();
        item.LiveStatus = LiveStatus.Ok;
        item.ContentHash = Hash(url);
        for (var day = 3; day >= 1; day--)
        {
            checks.Add(Check(now.AddDays(-day * 7).AddMinutes(random.Next(60)), PageCheckOutcome.Unchanged, 200, random, item.ContentHash));
        }

        item.LastCheckedAtUtc = checks[^1].CheckedAtUtc;
        var fate = random.NextDouble();
        if (fate < 0.03)
        {
            // Gone from the site on the last two checks: broken, and flagged with its own history row.
            checks.Add(Check(now.AddDays(-2), PageCheckOutcome.Broken, 404, random, null));
            checks.Add(Check(now.AddDays(-1), PageCheckOutcome.Broken, 404, random, null));
            item.LiveStatus = LiveStatus.Broken;
            item.ConsecutiveFailures = 2;
            item.LastCheckedAtUtc = now.AddDays(-1);
            item.State = ContentState.PerluPembaruan;
            item.StaleReason = StaleReason.Broken;
            item.StateChangedAtUtc = now.AddDays(-1);
            events.Add(new ContentEvent { Kind = ContentEventKind.LiveBroken, Text = "HTTP 404", ByName = UserContext.System.DisplayName, AtUtc = now.AddDays(-1) });
            events.Add(new ContentEvent
            {
                Kind = ContentEventKind.FlaggedStale, FromState = ContentState.Terbit, ToState = ContentState.PerluPembaruan, Text = nameof(StaleReason.Broken),
                ByName = UserContext.System.DisplayName, AtUtc = now.AddDays(-1),
            });
        }
        else if (fate < 0.06)
        {
            var brokenLink = $"{DemoSiteBase}/unduhan/formulir-lama-{random.Next(1, 40)}.pdf";
            checks[^1].BrokenLinks = $"404 {brokenLink}";
            item.BrokenLinkCount = 1;
        }
        else if (fate < 0.16)
        {
            // Someone updated the page on the site: the check saw new text, which restarts the review clock.
            var changedAt = now.AddDays(-random.Next(5, 60));
            item.ContentHash = Hash(url + "v2");
            checks.Where(c => c.CheckedAtUtc > changedAt).ToList().ForEach(c => c.ContentHash = item.ContentHash);
            checks.Add(Check(changedAt, PageCheckOutcome.Changed, 200, random, item.ContentHash));
            item.LastLiveChangeAtUtc = changedAt;
            events.Add(new ContentEvent { Kind = ContentEventKind.LiveChanged, ByName = UserContext.System.DisplayName, AtUtc = changedAt });
        }

        return (item, events, checks.OrderBy(c => c.CheckedAtUtc).ToList());
    }

    private static IEnumerable<(ContentItem, List<ContentEvent>, List<ContentCheck>)> SocialPosts(
        Random random, DateTime now, string code, int divisionId, string[] topics, List<(string Id, string Name)> editors, string suffix)
    {
        // Each division posts on two or three channels; some keep a weekly rhythm, some have gone quiet.
        var channels = new[] { ContentChannel.Instagram, ContentChannel.Facebook, ContentChannel.YouTube, ContentChannel.X }
            .OrderBy(_ => random.Next()).Take(code == "TI" ? 4 : 2 + random.Next(2));
        foreach (var channel in channels)
        {
            var quiet = random.NextDouble() < 0.35;
            var gap = channel == ContentChannel.YouTube ? 21 : 6;
            var last = now.AddDays(-(quiet ? random.Next(25, 70) : random.Next(0, gap)));
            var posts = channel == ContentChannel.YouTube ? 3 : 6;
            for (var i = 0; i < posts; i++)
            {
                var at = last.AddDays(-i * (gap + random.Next(0, 3))).AddHours(-random.Next(0, 6));
                var title = $"{topics[random.Next(topics.Length)]}: info {WibDate(at, "d MMM yyyy")}";
                var host = channel switch
                {
                    ContentChannel.Instagram => "https://www.instagram.com/p/",
                    ContentChannel.Facebook => "https://www.facebook.com/dinaskopukmjambi/posts/",
                    ContentChannel.YouTube => "https://www.youtube.com/watch?v=",
                    _ => "https://x.com/dinaskopukmjbi/status/",
                };
                var url = host + Hash($"{code}{channel}{i}{suffix}")[..11];
                var post = NewItem(title, ContentKind.SocialPost, channel, url, divisionId, InformationCategory.Berita, editors, random, at);
                post.State = ContentState.Terbit;
                yield return (post, [Created(post, at), Moved(post, at, ContentState.Draf, ContentState.Terbit)], []);
            }
        }
    }

    private static IEnumerable<(ContentItem, List<ContentEvent>, List<ContentCheck>)> WorkInProgress(
        Random random, DateTime now, int divisionId, string slug, string[] topics, List<(string Id, string Name)> editors, string suffix)
    {
        // Pages on their way: drafts, some waiting for review or approval, one scheduled.
        (ContentState State, string Prefix)[] stages =
        [
            (ContentState.Draf, "Rancangan"), (ContentState.Draf, "Pembaruan"), (ContentState.Ditinjau, "Revisi"), (ContentState.Ditinjau, "Panduan"),
            (ContentState.Disetujui, "Informasi"),
        ];
        foreach (var (state, prefix) in stages)
        {
            var created = now.AddDays(-random.Next(1, 45));
            var title = $"{prefix} {topics[random.Next(topics.Length)]} {WibDate(now, "yyyy")}{suffix}";
            var item = NewItem(title, ContentKind.WebsitePage, ContentChannel.Website, null, divisionId, InformationCategory.SetiapSaat, editors, random, null);
            item.CreatedAtUtc = created;
            item.StateChangedAtUtc = created.AddDays(state == ContentState.Draf ? 0 : 1);
            item.State = state;
            item.Url = state == ContentState.Disetujui ? $"{DemoSiteBase}/{slug}/{Slugify(title)}" : null;
            var events = new List<ContentEvent> { Created(item, created) };
            if (state != ContentState.Draf)
            {
                events.Add(Moved(item, created.AddDays(1), ContentState.Draf, ContentState.Ditinjau));
            }

            if (state == ContentState.Disetujui)
            {
                events.Add(Moved(item, created.AddDays(1).AddHours(3), ContentState.Ditinjau, ContentState.Disetujui));
            }

            yield return (item, events, []);
        }
    }

    private static ContentItem NewItem(
        string title, ContentKind kind, ContentChannel channel, string? url, int divisionId, InformationCategory category,
        List<(string Id, string Name)> editors, Random random, DateTime? published)
    {
        // About one item in eight has no responsible editor: the owner-coverage metric should have something to show.
        var editor = editors.Count > 0 && random.NextDouble() > 0.12 ? editors[random.Next(editors.Count)] : default;
        var created = published ?? DateTime.MinValue;
        return new ContentItem
        {
            Title = title,
            Kind = kind,
            Channel = channel,
            Url = url,
            OwnerDivisionId = divisionId,
            EditorUserId = editor.Id,
            EditorName = editor.Name,
            Category = category,
            PublishedAtUtc = published,
            CreatedAtUtc = created,
            StateChangedAtUtc = created,
        };
    }

    private static ContentEvent Created(ContentItem item, DateTime at) =>
        new() { Kind = ContentEventKind.Created, ToState = ContentState.Draf, ByUserId = item.EditorUserId, ByName = item.EditorName ?? "Admin Dinas", AtUtc = at };

    private static ContentEvent Moved(ContentItem item, DateTime at, ContentState from, ContentState to) =>
        new() { Kind = ContentEventKind.StateChanged, FromState = from, ToState = to, ByUserId = item.EditorUserId, ByName = item.EditorName ?? "Admin Dinas", AtUtc = at };

    private static ContentCheck Check(DateTime at, PageCheckOutcome result, int status, Random random, string? hash) =>
        new() { CheckedAtUtc = at, Result = result, HttpStatus = status, DurationMs = random.Next(80, 900), ContentHash = hash };

    private static async Task<Dictionary<int, List<(string Id, string Name)>>> EditorsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.ActiveStaffInRoles(AppRoles.Petugas, AppRoles.KepalaBidang, AppRoles.StafTI)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.FullName, u.DivisionId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.DivisionId).ToDictionary(g => g.Key, g => g.Select(r => (r.Id, r.FullName)).ToList());
    }

    private static readonly CultureInfo Indonesian = new("id-ID");

    /// <summary>Titles carry dates the way the office writes them, in Indonesian.</summary>
    private static string WibDate(DateTime utc, string format) => Localization.WibTime.ToWib(utc).ToString(format, Indonesian);

    private static string Slugify(string title)
    {
        var builder = new StringBuilder();
        foreach (var ch in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(ch);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>What the demo inventory is composed from: divisions by code, their editors, and services with owners.</summary>
internal sealed record DemoInventory(
    Dictionary<string, Division> Divisions, Dictionary<int, List<(string Id, string Name)>> Editors, List<DemoService> Services);

internal sealed record DemoService(int Id, int OwnerDivisionId);
