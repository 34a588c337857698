using Bunit;
using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Cooperatives.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.Common;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Cooperatives.Import.ImportFiles;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives.Pages;

/// <summary>The import page over the real services and a real SQLite file, the upload made through the file input.</summary>
public sealed class CooperativeImportPageTests : AppBunitContext, IAsyncLifetime
{
    /// <summary>A guard against a hang, not a pause: the assertions run again on every render.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(new() { ["Cooperatives:Import:MaxUnpackedMegabytes"] = "8" }, validateScopes: false);
        UseApp(app);
        app.ActAs(AppRoles.Petugas, 2, "petugas-klm", divisionCode: "KLM");
        SignInAs(AppRoles.Petugas, 2);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_failure_while_saving_shows_a_sentence_keeps_the_preview_and_saves_nothing()
    {
        var rows = ManyRows(2_000).ToList();
        rows[1_499][CooperativeCsvFormat.Name] = "Koperasi Gagal Simpan";
        await using (var db = await app.DbAsync())
        {
            // A real failure of the database in the second batch: a trigger that aborts one insert.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER test_fail_insert BEFORE INSERT ON Cooperative WHEN NEW.Name = 'Koperasi Gagal Simpan' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;");
        }

        var page = Upload(System.Text.Encoding.UTF8.GetBytes(Csv(rows)), "koperasi.csv");
        page.WaitForAssertion(() => Assert.Contains("2000 baru", page.Find("[data-testid=import-counts]").TextContent, StringComparison.Ordinal), Patience);
        await page.Find("[data-testid=import-confirm]").ClickAsync(new());

        page.WaitForAssertion(
            () => Assert.StartsWith("Impor tidak selesai karena terjadi kesalahan di server, sehingga tidak ada yang disimpan.", page.Find("[data-testid=import-file-error]").TextContent.Trim(), StringComparison.Ordinal),
            Patience);
        Assert.Empty(page.FindAll("[data-testid=import-busy]"));
        Assert.Contains("2000 baru", page.Find("[data-testid=import-counts]").TextContent, StringComparison.Ordinal);
        Assert.False(page.Find("[data-testid=import-confirm]").HasAttribute("disabled"));
        await using var check = await app.DbAsync();
        Assert.Equal(0, await check.Set<Cooperative>().CountAsync());
    }

    [Fact]
    public void A_windows_1252_file_is_previewed_with_its_names_right_and_a_warning()
    {
        var page = Upload(EncodingFiles.Bytes("koperasi-windows1252.csv"), "daftar.csv");

        page.WaitForAssertion(() => Assert.Contains(EncodingFiles.Name, page.Find("[data-testid=import-first-rows]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("dibaca sebagai Windows-1252", page.Find("[data-testid=import-encoding]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_that_unpacks_beyond_the_limit_is_refused_with_a_sentence()
    {
        using var bomb = WorkbookBomb(megabytes: 12);

        var page = Upload(bomb.ToArray(), "daftar.xlsx");

        page.WaitForAssertion(
            () => Assert.Equal(
                "Berkas Excel ini berisi lebih dari 8 MB data setelah dibuka, sehingga tidak dibaca. Simpan lembar daftar koperasi saja sebagai CSV, atau bagi menjadi beberapa berkas.",
                page.Find("[data-testid=import-file-error]").TextContent.Trim()),
            Patience);
        Assert.Empty(page.FindAll("[data-testid=import-preview]"));
        Assert.NotNull(page.Find("[data-testid=import-upload]"));
    }

    private IRenderedComponent<CooperativeImportPage> Upload(byte[] content, string fileName)
    {
        var page = Render<CooperativeImportPage>();
        page.WaitForElement("[data-testid=import-upload]", Patience);
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName));
        return page;
    }
}
