using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Content.Settings;

/// <summary>
/// Starting URL rules and social posting targets, each seeded only while its table is empty; administrators change
/// them in Administrasi → Konten. The rules follow the office site's layout as docs/content.md describes it. A rule
/// or target whose division code does not exist is left out.
/// </summary>
public sealed class ContentReferenceSeeder(IDbContextFactory<AppDbContext> dbFactory) : IReferenceSeeder
{
    /// <summary>Path prefix → division code.</summary>
    public static IReadOnlyList<(string Prefix, string DivisionCode)> DefaultRules { get; } =
    [
        ("/profil", "SEK"),
        ("/berita", "SEK"),
        ("/pengumuman", "SEK"),
        ("/ppid", "SEK"),
        ("/pengaduan", "SEK"),
        ("/koperasi", "KLM"),
        ("/koperasi/kelembagaan", "KLM"),
        ("/koperasi/pengawasan", "PWS"),
        ("/koperasi/pemberdayaan", "PMK"),
        ("/umkm", "UMK"),
        ("/plut", "PLUT"),
        ("/layanan/konsultasi-koperasi", "KLM"),
        ("/layanan/data-koperasi", "KLM"),
        ("/layanan/nib-oss", "UMK"),
        ("/layanan/sertifikasi-halal", "UMK"),
        ("/layanan/pelatihan", "UMK"),
        ("/layanan/kur", "UMK"),
        ("/layanan/konsultasi-usaha", "PLUT"),
        ("/layanan/pemasaran", "PLUT"),
        ("/layanan/informasi-publik", "SEK"),
        ("/layanan/pengaduan", "SEK"),
        ("/aplikasi", "TI"),
    ];

    /// <summary>
    /// The Digital Service Unit runs the office's own accounts on every channel; PLUT promotes products and
    /// exhibitions on Instagram and Facebook; Micro Enterprises announces training and facilitation on Instagram.
    /// </summary>
    public static IReadOnlyList<(string DivisionCode, ContentChannel Channel, int TargetDays)> DefaultTargets { get; } =
    [
        ("TI", ContentChannel.Instagram, 7),
        ("TI", ContentChannel.Facebook, 7),
        ("TI", ContentChannel.YouTube, 30),
        ("TI", ContentChannel.X, 7),
        ("PLUT", ContentChannel.Instagram, 7),
        ("PLUT", ContentChannel.Facebook, 7),
        ("UMK", ContentChannel.Instagram, 7),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var divisions = await db.Set<Division>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        if (!await db.Set<ContentUrlRule>().AnyAsync(ct))
        {
            db.AddRange(DefaultRules.Where(r => divisions.ContainsKey(r.DivisionCode))
                .Select(r => new ContentUrlRule { Prefix = r.Prefix, DivisionId = divisions[r.DivisionCode] }));
        }

        if (!await db.Set<SocialCadenceTarget>().AnyAsync(ct))
        {
            db.AddRange(DefaultTargets.Where(t => divisions.ContainsKey(t.DivisionCode))
                .Select(t => new SocialCadenceTarget { DivisionId = divisions[t.DivisionCode], Channel = t.Channel, TargetDays = t.TargetDays }));
        }

        await db.SaveChangesAsync(ct);
    }
}
