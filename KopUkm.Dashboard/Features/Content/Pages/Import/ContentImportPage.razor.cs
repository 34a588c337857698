using KopUkm.Dashboard.Features.Content.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace KopUkm.Dashboard.Features.Content.Pages.Import;

/// <summary>
/// The three ways in (a sitemap address, a sitemap file, a CSV file), a progress bar while the import runs, and the
/// report afterwards. An import only ever adds, so it starts as soon as the file is chosen.
/// </summary>
public partial class ContentImportPage
{
    private const int MaxMegabytes = SitemapReader.MaxBytes / (1024 * 1024);

    private bool? canImport;
    private string sitemapUrl = "";
    private bool running;
    private ImportProgress? progress;
    private ContentImportResult? result;
    private string? fileError;

    [Inject]
    private ContentInventoryImportService Imports { get; set; } = default!;

    private bool Busy => running;

    private string BusyText => progress switch
    {
        { Stage: ImportStage.Saving } p => L["ContentImport.Saving", p.Done, p.Total],
        { Stage: ImportStage.Reading, Done: > 1 } p => L["ContentImport.ReadingFiles", p.Done],
        _ => L["ContentImport.Reading"],
    };

    protected override async Task OnInitializedAsync() => canImport = await Imports.CanImportAsync();

    private Task ImportUrlAsync() =>
        RunAsync(reporter => Imports.ImportSitemapUrlAsync(sitemapUrl, reporter));

    private async Task OnUrlKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !Busy && !string.IsNullOrWhiteSpace(sitemapUrl))
        {
            await ImportUrlAsync();
        }
    }

    private Task ImportSitemapFileAsync(IBrowserFile? file) => ImportFileAsync(file, SitemapReader.MaxBytes, Imports.ImportSitemapFileAsync);

    private Task ImportCsvAsync(IBrowserFile? file) => ImportFileAsync(file, ContentInventoryImportService.MaxCsvBytes, Imports.ImportCsvAsync);

    private async Task ImportFileAsync(
        IBrowserFile? file, long maxBytes, Func<Stream, string, IProgress<ImportProgress>?, CancellationToken, Task<ContentImportResult>> import)
    {
        if (file is null)
        {
            return;
        }

        fileError = null;
        if (file.Size > maxBytes)
        {
            fileError = L["ContentImport.FileTooLarge", maxBytes / (1024 * 1024)];
            return;
        }

        await RunAsync(async reporter =>
        {
            // The upload is read whole first: the browser stream must not wait on database work.
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(maxBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            buffer.Position = 0;
            return await import(buffer, file.Name, reporter, CancellationToken.None);
        });
    }

    private async Task RunAsync(Func<IProgress<ImportProgress>, Task<ContentImportResult>> import)
    {
        running = true;
        fileError = null;
        progress = null;
        var reporter = new Progress<ImportProgress>(p =>
        {
            progress = p;
            StateHasChanged();
        });
        try
        {
            var outcome = await import(reporter);
            if (outcome.FileError is { } error)
            {
                fileError = L.ImportMessage(error);
                return;
            }

            result = outcome;
        }
        finally
        {
            running = false;
            progress = null;
        }
    }

    private void Reset()
    {
        result = null;
        fileError = null;
    }
}
