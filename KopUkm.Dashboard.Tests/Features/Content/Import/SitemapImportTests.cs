using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>Sitemap files imported on real SQLite, with the default URL rules of a new installation.</summary>
public sealed class SitemapImportTests : IAsyncLifetime
{
    private static readonly string ThreePages = UrlSet(
        ($"{Site}/koperasi/pengawasan/jadwal-pemeriksaan-ksp", "2026-09-01"),
        ($"{Site}/koperasi/pendaftaran-badan-hukum", "2026-11-20T10:15:00+07:00"),
        ($"{Site}/layanan/nib-oss/persyaratan", null));

    private TestServices app = default!;

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        app.ActAs(AppRoles.StafTI, 7, "staf-ti", divisionCode: "TI");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private ContentInventoryImportService Imports => app.Get<ContentInventoryImportService>();

    [Fact]
    public async Task Three_sitemap_pages_become_live_pages_of_the_division_whose_prefix_matches_longest()
    {
        var result = await Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml");

        Assert.Null(result.FileError);
        Assert.Equal((3, 0, 0, 0), (result.Added, result.AlreadyPresent, result.WithoutRule, result.RejectedRows));
        var items = await app.ItemsAsync();
        // "/koperasi/pengawasan" (PWS) is longer than "/koperasi" (KLM); "/layanan/nib-oss" belongs to UMK.
        Assert.Equal(["PWS", "KLM", "UMK"], items.Select(i => i.OwnerDivision!.Code));
        Assert.Equal(["Jadwal Pemeriksaan Ksp", "Pendaftaran Badan Hukum", "Persyaratan"], items.Select(i => i.Title));
        Assert.All(items, i => Assert.Equal(
            (ContentKind.WebsitePage, ContentChannel.Website, ContentState.Terbit, InformationCategory.SetiapSaat, 1L),
            (i.Kind, i.Channel, i.State, i.Category, i.Version)));
    }

    [Fact]
    public async Task Lastmod_is_the_publication_date_and_freshness_follows_from_it()
    {
        await Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml");

        var items = await app.ItemsAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // A bare date is the start of that day in WIB; a full stamp keeps its offset; none means "now".
        Assert.Equal(new DateTime(2026, 8, 31, 17, 0, 0, DateTimeKind.Utc), items[0].PublishedAtUtc);
        Assert.Equal(new DateTime(2026, 11, 20, 3, 15, 0, DateTimeKind.Utc), items[1].PublishedAtUtc);
        Assert.Equal(now, items[2].PublishedAtUtc);
        // Setiap saat: reviewed every 90 days from publication.
        Assert.Equal(items[0].PublishedAtUtc!.Value.AddDays(90), items[0].ReviewDueAtUtc);
        Assert.Equal(ContentFreshness.DueSoon, items[0].Freshness);
        Assert.Equal(ContentFreshness.Fresh, items[2].Freshness);
    }

    [Fact]
    public async Task Each_new_item_gets_an_imported_event_naming_its_source()
    {
        await Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml");

        var events = await app.EventsAsync();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal((ContentEventKind.Imported, ContentState.Terbit, "staf-ti", "sitemap.xml"), (e.Kind, e.ToState, e.ByUserId, e.Text)));
    }

    [Fact]
    public async Task Importing_again_adds_only_the_new_page_and_leaves_the_others_untouched()
    {
        await Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml");
        var before = await app.ItemsAsync();
        var eventsBefore = (await app.EventsAsync()).Count;
        app.Clock.Advance(TimeSpan.FromDays(3));
        var again = UrlSet(
            ($"{Site}/koperasi/pengawasan/jadwal-pemeriksaan-ksp", "2026-11-25"),
            ($"{Site}/koperasi/pendaftaran-badan-hukum", null),
            ($"{Site}/layanan/nib-oss/persyaratan", null),
            ($"{Site}/plut/klinik-bisnis", null));

        var result = await Imports.ImportSitemapFileAsync(Stream(again), "sitemap.xml");

        Assert.Equal((1, 3), (result.Added, result.AlreadyPresent));
        var after = await app.ItemsAsync();
        Assert.Equal(4, after.Count);
        Assert.Equal("PLUT", after[3].OwnerDivision!.Code);
        foreach (var (old, now) in before.Zip(after))
        {
            Assert.Equal((old.Version, old.Title, old.PublishedAtUtc, old.ReviewDueAtUtc, old.Freshness), (now.Version, now.Title, now.PublishedAtUtc, now.ReviewDueAtUtc, now.Freshness));
        }

        Assert.Equal(eventsBefore + 1, (await app.EventsAsync()).Count);
    }

    [Fact]
    public async Task A_url_repeated_in_the_file_is_added_once()
    {
        var result = await Imports.ImportSitemapFileAsync(Stream(UrlSet($"{Site}/umkm/kur", $"{Site}/umkm/kur#jadwal", $"{Site}/umkm/kur")), "sitemap.xml");

        Assert.Equal((1, 0, 2), (result.Added, result.AlreadyPresent, result.DuplicatesInFile));
        Assert.Single(await app.ItemsAsync());
    }

    [Fact]
    public async Task Pages_no_rule_matches_go_to_the_fallback_division_and_are_counted()
    {
        var result = await Imports.ImportSitemapFileAsync(Stream(UrlSet($"{Site}/", $"{Site}/galeri/foto-kegiatan", $"{Site}/umkm/pelatihan")), "sitemap.xml");

        Assert.Equal((3, 2, "SEK"), (result.Added, result.WithoutRule, result.FallbackDivisionCode));
        Assert.Equal(["SEK", "SEK", "UMK"], (await app.ItemsAsync()).Select(i => i.OwnerDivision!.Code));
        Assert.Equal("diskopukm.jambiprov.go.id", (await app.ItemsAsync())[0].Title);
    }

    [Fact]
    public async Task The_fallback_division_is_a_setting()
    {
        await using var other = await TestServices.CreateAsync(new() { ["Content:Import:FallbackDivisionCode"] = "TI" });
        other.ActAs(AppRoles.Administrator, 7, "admin");

        var result = await other.Get<ContentInventoryImportService>().ImportSitemapFileAsync(Stream(UrlSet($"{Site}/galeri")), "sitemap.xml");

        Assert.Equal("TI", result.FallbackDivisionCode);
        Assert.Equal("TI", Assert.Single(await other.ItemsAsync()).OwnerDivision!.Code);
    }

    [Fact]
    public async Task A_gzip_compressed_sitemap_is_read_like_a_plain_one()
    {
        var result = await Imports.ImportSitemapFileAsync(Stream(Gzip(ThreePages)), "sitemap.xml.gz");

        Assert.Equal(3, result.Added);
    }

    [Fact]
    public async Task Malformed_xml_is_refused_with_its_line_and_nothing_is_added()
    {
        var broken = UrlSet($"{Site}/umkm/kur", $"{Site}/plut/pameran").Replace("</loc>\n  </url>\n  <url>", "</loc>\n  <url>", StringComparison.Ordinal);

        var result = await Imports.ImportSitemapFileAsync(Stream(broken), "sitemap.xml");

        Assert.Equal("ContentImport.SitemapMalformed", result.FileError?.MessageKey);
        Assert.True(result.FileError!.Line > 0);
        Assert.Empty(await app.ItemsAsync());
    }

    [Fact]
    public async Task A_doctype_is_refused_so_external_entities_are_never_read()
    {
        var secret = Path.Combine(app.DataFolder, "rahasia.txt");
        await File.WriteAllTextAsync(secret, "https://bocor.example/rahasia");
        var xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE urlset [<!ENTITY x SYSTEM \"file://" + secret + "\">]>\n"
                  + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>&x;</loc></url></urlset>";

        var result = await Imports.ImportSitemapFileAsync(Stream(xxe), "sitemap.xml");

        Assert.Equal("ContentImport.SitemapDtd", result.FileError?.MessageKey);
        Assert.Empty(await app.ItemsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_sitemap_is_refused()
    {
        var result = await Imports.ImportSitemapFileAsync(Stream("<html><body>Halaman</body></html>"), "sitemap.xml");

        Assert.Equal("ContentImport.NotSitemap", result.FileError?.MessageKey);
    }

    [Fact]
    public async Task Bad_entries_are_reported_with_their_line_and_the_rest_is_imported()
    {
        var xml = UrlSet($"{Site}/umkm/kur", "ftp://diskopukm.jambiprov.go.id/arsip", "", $"{Site}/plut/pameran");

        var result = await Imports.ImportSitemapFileAsync(Stream(xml), "sitemap.xml");

        Assert.Equal(2, result.Added);
        Assert.Equal(
            [(7, "ContentImport.BadUrl", "ftp://diskopukm.jambiprov.go.id/arsip"), (10, "ContentImport.EmptyLocation", "")],
            result.Rejections.Select(r => (r.Error.Line, r.Error.MessageKey, r.Error.Value)));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_before_reading()
    {
        var big = new byte[SitemapReader.MaxBytes + 1];

        var result = await Imports.ImportSitemapFileAsync(Stream(big), "sitemap.xml");

        Assert.Equal(("ContentImport.FileTooLarge", "10"), (result.FileError?.MessageKey, result.FileError?.Value));
    }

    [Theory]
    [InlineData(AppRoles.Petugas)]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.Pimpinan)]
    public async Task Only_administrators_and_it_staff_may_import(string role)
    {
        app.ActAs(role, 5, "someone");

        Assert.False(await Imports.CanImportAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Imports.ImportCsvAsync(Stream("url\n"), "konten.csv"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Imports.ImportSitemapUrlAsync($"{Site}/sitemap.xml"));
        Assert.Empty(await app.ItemsAsync());
    }

    [Fact]
    public async Task An_administrator_may_import()
    {
        app.ActAs(AppRoles.Administrator, 7, "admin");

        Assert.True(await Imports.CanImportAsync());
        Assert.Equal(3, (await Imports.ImportSitemapFileAsync(Stream(ThreePages), "sitemap.xml")).Added);
    }
}
