using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// /ajukan: a member of the public applies for a service without an account. Static SSR, works without JavaScript;
/// on an error every typed value comes back (files must be chosen again, and the page says so).
/// </summary>
public partial class RequestPage
{
    private IReadOnlyList<PortalChoice> services = [];
    private IReadOnlyList<PortalChoice> regions = [];
    private List<CommandError> errors = [];
    private string? refusal;
    private bool filesWereChosen;
    private PortalSubmitResult? submitted;

    [Inject]
    private TicketPortal Portal { get; set; } = default!;

    [Inject]
    private PortalFormGuard Guard { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private ILogger<RequestPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    /// <summary>A service code from /ajukan/{kode}: that service is chosen already.</summary>
    [Parameter]
    public string? Kode { get; set; }

    [SupplyParameterFromForm(FormName = "ajukan")]
    private RequestInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        services = await Portal.ServicesAsync();
        regions = await Portal.RegionsAsync();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            Input.Started = Guard.IssueStartToken();
            if (Kode is not null && services.FirstOrDefault(s => string.Equals(s.Code, Kode, StringComparison.OrdinalIgnoreCase)) is { } chosen)
            {
                Input.Form.ServiceTypeId = chosen.Id;
            }
        }
    }

    private async Task SubmitAsync()
    {
        var posted = HttpContext.Request.HasFormContentType ? HttpContext.Request.Form.Files : null;
        var chosen = posted?.Where(f => f.Name == "files" && (f.Length > 0 || f.FileName.Length > 0)).ToList() ?? [];
        filesWereChosen = chosen.Count > 0;
        var incoming = chosen.Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream)).ToList();

        // A person who made a mistake sees what to correct first; the bot checks only stop a request that would be saved.
        errors = [.. Input.Form.Validate(), .. await TicketAttachmentFiles.CheckAsync(incoming, "Files", HttpContext.RequestAborted)];
        if (errors.Count > 0)
        {
            return;
        }

        if (!Guard.LooksHuman(Input.Started, Input.Website))
        {
            // A new start token: a person who was only quick may send again after reading the message.
            Input.Started = Guard.IssueStartToken();
            refusal = L["Portal.Apply.TooFast"];
            return;
        }

        var result = await Portal.SubmitAsync(Input.Form, incoming, HttpContext.RequestAborted);
        if (result.Result.Succeeded)
        {
            Logger.LogInformation("Portal request {Code} received.", result.Code);
            submitted = result;
            return;
        }

        errors = [.. result.Result.Errors];
    }

    private string Message(CommandError e) => L[e.MessageKey, e.Args];

    private static string FieldId(string? field) => field switch
    {
        "ApplicantName" => "f-name",
        "Email" => "f-email",
        "Phone" => "f-phone",
        "ServiceTypeId" => "f-service",
        "RegionId" => "f-region",
        "BusinessName" => "f-business",
        "Nib" => "f-nib",
        "Description" => "f-description",
        "Files" => "f-files",
        "Consent" => "f-consent",
        _ => "f-name",
    };

    private string? Invalid(string field) => errors.Any(e => e.Field == field) ? "true" : null;

    private string DescribedBy(string field) => errors.Any(e => e.Field == field) ? FieldError.IdFor(field) : "";

    /// <summary>The form as posted: the request, the honeypot and the protected start time.</summary>
    public sealed class RequestInput
    {
        public PortalRequestForm Form { get; set; } = new();

        /// <summary>The honeypot: hidden from people, filled by bots.</summary>
        public string? Website { get; set; }

        public string? Started { get; set; }
    }
}
