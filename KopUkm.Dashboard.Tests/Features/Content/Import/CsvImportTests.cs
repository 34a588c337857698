using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Xunit.Abstractions;
using static KopUkm.Dashboard.Tests.Features.Content.Import.SitemapFiles;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

/// <summary>The inventory CSV imported on real SQLite: good rows are added, bad ones reported by line and skipped.</summary>
public sealed class CsvImportTests : IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private ContentInventoryImportService Imports => app.Get<ContentInventoryImportService>();

    [Fact]
    public async Task A_windows_1252_file_imports_its_titles_right_and_says_how_it_was_read()
    {
        await using var file = KopUkm.Dashboard.Tests.Common.EncodingFiles.Open("konten-windows1252.csv");

        var result = await Imports.ImportCsvAsync(file, "konten.csv");

        Assert.Equal((1, 0, true), (result.Added, result.RejectedRows, result.ReadAsWindows1252));
        Assert.Equal("Pelatihan café – UMKM ’Naik Kelas’", Assert.Single(await app.ItemsAsync()).Title);
    }

    [Fact]
    public async Task Every_column_is_applied_to_the_new_item()
    {
        await app.CreateUserAsync("yusuf@kopukm.test", "Yusuf Hidayat", AppRoles.Petugas, divisions["UMK"]);
        var csv = """
            url;judul;jenis;kanal;bidang;kategori;interval_hari;editor_email;terbit;layanan
            https://diskopukm.jambiprov.go.id/layanan/nib-oss;Pendampingan NIB dan OSS;halaman;situs;UMK;setiap saat;60;YUSUF@kopukm.test;15/01/2026;nib-oss
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "konten.csv");

        Assert.Equal((1, 0), (result.Added, result.RejectedRows));
        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal(
            ("Pendampingan NIB dan OSS", ContentKind.WebsitePage, ContentChannel.Website, "UMK", InformationCategory.SetiapSaat, 60, "Yusuf Hidayat"),
            (item.Title, item.Kind, item.Channel, item.OwnerDivision!.Code, item.Category, item.ReviewIntervalDaysOverride, item.EditorName));
        Assert.NotNull(item.ServiceTypeId);
        Assert.Equal(new DateTime(2026, 1, 14, 17, 0, 0, DateTimeKind.Utc), item.PublishedAtUtc);
        // Reviewed every 60 days from 15 January: long overdue by late November.
        Assert.Equal(ContentFreshness.Overdue, item.Freshness);
        Assert.Equal("konten.csv:2", Assert.Single(await app.EventsAsync()).Text);
    }

    [Fact]
    public async Task English_headers_in_any_case_and_order_are_accepted()
    {
        var csv = """
            Title,URL,Kind,Channel,Published
            Layanan KUR,https://diskopukm.jambiprov.go.id/umkm/kur,news,website,2026-11-01
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "content.csv");

        Assert.Equal(1, result.Added);
        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal(("Layanan KUR", ContentKind.News, InformationCategory.Berita, ContentFreshness.NotTracked), (item.Title, item.Kind, item.Category, item.Freshness));
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_numbers_and_the_good_rows_are_added()
    {
        var csv = """
            url,judul,jenis,bidang,terbit
            https://diskopukm.jambiprov.go.id/umkm/pelatihan,Pelatihan,halaman,,
            https://diskopukm.jambiprov.go.id/koperasi/rat,RAT,halaman,XYZ,
            diskopukm.jambiprov.go.id/tanpa-skema,Tanpa skema,halaman,,

            https://diskopukm.jambiprov.go.id/plut/pameran,Pameran,halaman,,31/02/2026
            https://diskopukm.jambiprov.go.id/ppid,PPID,brosur,,
            https://diskopukm.jambiprov.go.id/pengumuman/libur,Libur,pengumuman,,2026-12-31
            https://diskopukm.jambiprov.go.id/profil,Profil,halaman,SEK,2026-01-02
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "konten.csv");

        Assert.Equal((2, 5), (result.Added, result.RejectedRows));
        Assert.Equal(
            [
                (3, "ContentImport.UnknownDivision", "XYZ"),
                (4, "ContentImport.BadUrl", "diskopukm.jambiprov.go.id/tanpa-skema"),
                (6, "Csv.BadDate", "31/02/2026"),
                (7, "ContentImport.UnknownKind", "brosur"),
                (8, "ContentImport.FutureDate", "2026-12-31"),
            ],
            result.Rejections.Select(r => (r.Error.Line, r.Error.MessageKey, r.Error.Value)));
        Assert.Equal(["Pelatihan", "Profil"], (await app.ItemsAsync()).Select(i => i.Title));
    }

    [Fact]
    public async Task Unknown_services_and_editors_outside_the_division_are_refused()
    {
        await app.CreateUserAsync("dewi@kopukm.test", "Dewi Lestari", AppRoles.Petugas, divisions["KLM"]);
        var csv = """
            url,bidang,editor_email,layanan
            https://diskopukm.jambiprov.go.id/umkm/halal,UMK,dewi@kopukm.test,
            https://diskopukm.jambiprov.go.id/umkm/kur,UMK,tidak.ada@kopukm.test,
            https://diskopukm.jambiprov.go.id/umkm/nib,UMK,,IZIN-X
            https://diskopukm.jambiprov.go.id/umkm/oss,UMK,bukan email,
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "konten.csv");

        Assert.Equal(0, result.Added);
        Assert.Equal(
            ["ContentImport.EditorNotInDivision", "ContentImport.UnknownEditor", "ContentImport.UnknownService", "ContentImport.BadEmail"],
            result.Rejections.Select(r => r.Error.MessageKey));
    }

    [Fact]
    public async Task Social_posts_take_their_channel_from_the_column_or_the_address()
    {
        var csv = """
            url,judul,jenis,kanal,bidang,terbit
            https://www.instagram.com/p/Cx1a2b3c/,Jadwal pelatihan,media sosial,instagram,UMK,2026-11-20
            https://www.youtube.com/watch?v=abc123,Profil PLUT,,,PLUT,2026-10-01
            https://www.facebook.com/diskopukmjambi/posts/1,Pameran,pengumuman,facebook,PLUT,2026-10-01
            https://diskopukm.jambiprov.go.id/berita/a,Kabar,media sosial,,TI,2026-10-01
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "medsos.csv");

        Assert.Equal(2, result.Added);
        Assert.Equal(
            [(ContentKind.SocialPost, ContentChannel.Instagram, "UMK"), (ContentKind.SocialPost, ContentChannel.YouTube, "PLUT")],
            (await app.ItemsAsync()).Select(i => (i.Kind, i.Channel, i.OwnerDivision!.Code)));
        Assert.Equal(["ContentImport.PageNeedsWebsite", "ContentImport.SocialNeedsChannel"], result.Rejections.Select(r => r.Error.MessageKey));
    }

    [Fact]
    public async Task A_social_post_without_a_division_is_not_filed_by_the_sites_path_rules()
    {
        // "/plut" is a path rule for the office site; a Facebook page at /plut... is not the site.
        var csv = """
            url
            https://www.facebook.com/plut/posts/1
            """;

        var result = await Imports.ImportCsvAsync(Stream(csv), "medsos.csv");

        Assert.Equal((1, 1), (result.Added, result.WithoutRule));
        Assert.Equal("SEK", Assert.Single(await app.ItemsAsync()).OwnerDivision!.Code);
    }

    [Fact]
    public async Task A_file_without_a_url_column_is_refused_as_a_whole()
    {
        var result = await Imports.ImportCsvAsync(Stream("judul,jenis\nProfil,halaman\n"), "konten.csv");

        Assert.Equal(("Csv.MissingHeader", 1), (result.FileError?.MessageKey, result.FileError?.Line));
    }

    [Fact]
    public async Task Rows_already_in_the_inventory_are_left_alone_even_when_the_csv_says_otherwise()
    {
        await Imports.ImportCsvAsync(Stream("url,judul,bidang\nhttps://diskopukm.jambiprov.go.id/umkm/kur,KUR,UMK\n"), "a.csv");

        var result = await Imports.ImportCsvAsync(Stream("url,judul,bidang\nhttps://diskopukm.jambiprov.go.id/umkm/kur,Judul Baru,PLUT\n"), "b.csv");

        Assert.Equal((0, 1), (result.Added, result.AlreadyPresent));
        var item = Assert.Single(await app.ItemsAsync());
        Assert.Equal(("KUR", "UMK", 1L), (item.Title, item.OwnerDivision!.Code, item.Version));
    }

    [Fact]
    public async Task A_large_sitemap_imports_in_batches_and_reports_progress_after_each()
    {
        // Three full batches; how fast 5,000 go is measured by the benchmark harness, not here.
        var urls = Enumerable.Range(1, 3 * ContentInventoryImportService.BatchSize).Select(i => $"{Site}/berita/2026/kabar-{i:D5}").ToArray();
        var reports = new List<ImportProgress>();

        var result = await Imports.ImportSitemapFileAsync(Stream(UrlSet(urls)), "sitemap.xml", new SynchronousProgress(reports.Add));

        Assert.Equal(urls.Length, result.Added);
        var saving = reports.Where(r => r.Stage == ImportStage.Saving).ToList();
        Assert.Equal(4, saving.Count);
        Assert.Equal(new ImportProgress(ImportStage.Saving, urls.Length, urls.Length), saving[^1]);
        Assert.Equal(urls.Length, (await app.EventsAsync()).Count);
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so the list is complete when the import returns.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
