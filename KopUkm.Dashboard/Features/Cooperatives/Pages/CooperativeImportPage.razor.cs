using KopUkm.Dashboard.Features.Cooperatives.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace KopUkm.Dashboard.Features.Cooperatives.Pages;

/// <summary>
/// Upload → preview → confirm. The chosen file is copied to a temporary file that lives as long as the page (it is
/// gone when the page closes or the server stops), so the import saves exactly the file that was checked without a
/// second upload, and a list of any length never sits in the circuit's memory. The work runs off the page's thread
/// and reports its progress; whatever goes wrong ends in a sentence on the page, never in an endless spinner.
/// </summary>
public partial class CooperativeImportPage
{
    private readonly CancellationTokenSource leaving = new();
    private bool? canWork;
    private FileStream? upload;
    private string fileName = "";
    private CooperativeImportPreview? preview;
    private CooperativeImportResult? result;
    private string? problem;
    private Step? step;
    private int progressRows;
    private int? progressTotal;
    private double? progressFraction;

    private enum Step
    {
        Uploading,
        Checking,
        Saving,
    }

    [Inject]
    private CooperativeImportService Imports { get; set; } = default!;

    [Inject]
    private ILogger<CooperativeImportPage> Logger { get; set; } = default!;

    private bool Busy => step is not null;

    private string ProgressText => step switch
    {
        Step.Uploading => L["CooperativeImport.Uploading", fileName, (progressFraction ?? 0) * 100],
        Step.Checking when preview is not null => L["CooperativeImport.RecheckingRows", fileName, progressRows],
        Step.Checking => L["CooperativeImport.CheckingRows", fileName, progressRows],
        _ => L["CooperativeImport.SavingRows", progressRows, progressTotal ?? 0],
    };

    private double? ProgressPercent => progressFraction * 100;

    protected override async Task OnInitializedAsync() => canWork = await Imports.CanImportAsync();

    private async Task CheckAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        await ResetAsync();
        fileName = file.Name;
        if (file.Size > Imports.Limits.MaxFileBytes)
        {
            problem = L["CooperativeImport.FileTooLarge", Imports.Limits.MaxFileMegabytes];
            return;
        }

        await RunAsync(Step.Uploading, L["CooperativeImport.CheckFailed", file.Name], async (report, ct) =>
        {
            upload = await CopyToTemporaryFileAsync(file, ct);
            await PreviewAsync(report, ct);
        });
    }

    private async Task PreviewAsync(IProgress<CooperativeImportProgress> report, CancellationToken ct)
    {
        step = Step.Checking;
        var file = Rewound(upload!);
        preview = await Task.Run(() => Imports.PreviewAsync(file, fileName, report, ct), ct);
        if (preview.FileError is { } error)
        {
            problem = L.Reason(error);
            preview = null;
            await DropUploadAsync();
        }
    }

    private async Task ImportAsync()
    {
        if (upload is null)
        {
            return;
        }

        await RunAsync(Step.Checking, L["CooperativeImport.SaveFailed"], async (report, ct) =>
        {
            var file = Rewound(upload);
            var outcome = await Task.Run(() => Imports.ImportAsync(file, fileName, report, ct), ct);
            if (outcome.FileError is { } error)
            {
                // Nothing was saved (someone changed a cooperative meanwhile): show why, with a fresh preview.
                await PreviewAsync(report, ct);
                problem = L.Reason(error);
                return;
            }

            result = outcome;
            preview = null;
            await DropUploadAsync();
        });
    }

    /// <summary>Runs one step of the work; any failure becomes <paramref name="failure"/> and leaves the preview as it was.</summary>
    private async Task RunAsync(Step first, string failure, Func<IProgress<CooperativeImportProgress>, CancellationToken, Task> work)
    {
        problem = null;
        step = first;
        (progressRows, progressTotal, progressFraction) = (0, null, null);
        try
        {
            await work(new PageProgress(this), leaving.Token);
        }
        catch (Exception) when (leaving.IsCancellationRequested)
        {
            // The page was closed: the work was cancelled and rolled back, and nobody is left to tell.
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Cooperative import of {FileName} failed during {Step}", fileName, step);
            problem = failure;
        }
        finally
        {
            step = null;
        }
    }

    /// <summary>Copies the upload on the page's own thread (the browser stream belongs to the circuit), drawing the bar as it goes.</summary>
    private async Task<FileStream> CopyToTemporaryFileAsync(IBrowserFile file, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kopukm-impor-{Guid.NewGuid():N}{Path.GetExtension(file.Name)}");
        var options = FileOptions.Asynchronous | (OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
        var copy = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, options);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked at once: the open handle keeps the bytes while the page needs them, and a server that stops or
            // crashes leaves no list of NIKs behind in the temporary folder.
            File.Delete(path);
        }

        try
        {
            await using var source = file.OpenReadStream(Imports.Limits.MaxFileBytes, ct);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                await copy.WriteAsync(buffer.AsMemory(0, read), ct);
                progressFraction = file.Size == 0 ? 1 : (double)copy.Length / file.Size;
                StateHasChanged();
            }

            await copy.FlushAsync(ct);
            return copy;
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    private static FileStream Rewound(FileStream file)
    {
        file.Position = 0;
        return file;
    }

    private async Task DropUploadAsync()
    {
        if (upload is not null)
        {
            await upload.DisposeAsync();
            upload = null;
        }
    }

    private async Task ResetAsync()
    {
        await DropUploadAsync();
        fileName = "";
        preview = null;
        result = null;
        problem = null;
    }

    public async ValueTask DisposeAsync()
    {
        // Cancelled, not disposed: work still unwinding may yet look at its token.
        await leaving.CancelAsync();
        await DropUploadAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Progress from the work's thread, shown through the page's own dispatcher.</summary>
    private sealed class PageProgress(CooperativeImportPage page) : IProgress<CooperativeImportProgress>
    {
        public void Report(CooperativeImportProgress value) => _ = page.InvokeAsync(() =>
        {
            if (page.step is null)
            {
                return;
            }

            page.step = value.Stage == CooperativeImportStage.Saving ? Step.Saving : Step.Checking;
            (page.progressRows, page.progressTotal, page.progressFraction) = (value.Rows, value.Total, value.Fraction);
            page.StateHasChanged();
        });
    }
}
