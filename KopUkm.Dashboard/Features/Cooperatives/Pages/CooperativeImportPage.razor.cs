using KopUkm.Dashboard.Features.Cooperatives.Import;
using KopUkm.Dashboard.Features.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Cooperatives.Pages;

/// <summary>
/// Upload → preview → confirm. The file's bytes stay in the circuit between the preview and the confirmation, so
/// the import saves exactly the file that was checked, without a second upload.
/// </summary>
public partial class CooperativeImportPage
{
    private const long MaxMegabytes = CooperativeImportService.MaxFileBytes / (1024 * 1024);

    private bool? canWork;
    private byte[]? upload;
    private string fileName = "";
    private CooperativeImportPreview? preview;
    private CooperativeImportResult? result;
    private string? busyText;
    private string? fileError;

    [Inject]
    private CooperativeImportService Imports { get; set; } = default!;

    [Inject]
    private ICurrentUserAccessor CurrentUser { get; set; } = default!;

    [Inject]
    private IOptions<CooperativeOptions> Options { get; set; } = default!;

    private bool Busy => busyText is not null;

    protected override async Task OnInitializedAsync() =>
        canWork = CooperativeAccess.CanWork(await CurrentUser.GetAsync(), Options.Value);

    private async Task CheckAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        Reset();
        fileName = file.Name;
        if (file.Size > CooperativeImportService.MaxFileBytes)
        {
            fileError = L["CooperativeImport.FileTooLarge", MaxMegabytes];
            return;
        }

        busyText = L["CooperativeImport.Checking", file.Name];
        try
        {
            await using (var stream = file.OpenReadStream(CooperativeImportService.MaxFileBytes))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer);
                upload = buffer.ToArray();
            }

            await PreviewAsync();
        }
        finally
        {
            busyText = null;
        }
    }

    private async Task PreviewAsync()
    {
        using var stream = new MemoryStream(upload!);
        preview = await Imports.PreviewAsync(stream, fileName);
        if (preview.FileError is { } error)
        {
            fileError = L.Reason(error);
            preview = null;
            upload = null;
        }
    }

    private async Task ImportAsync()
    {
        if (upload is null)
        {
            return;
        }

        busyText = L["CooperativeImport.Saving"];
        try
        {
            using var stream = new MemoryStream(upload);
            var outcome = await Imports.ImportAsync(stream, fileName);
            if (outcome.FileError is { } error)
            {
                // Nothing was saved (someone changed a cooperative meanwhile): show why, with a fresh preview.
                await PreviewAsync();
                fileError = L.Reason(error);
                return;
            }

            result = outcome;
            preview = null;
            upload = null;
        }
        finally
        {
            busyText = null;
        }
    }

    private void Reset()
    {
        upload = null;
        fileName = "";
        preview = null;
        result = null;
        fileError = null;
    }
}
