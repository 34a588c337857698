using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// /lacak: the applicant opens their request with its code and PIN (or the signed e-mail link), follows it in plain
/// words and answers, closes or reopens it. Static SSR; every post is rate limited per address, wrong PINs per code.
/// </summary>
public partial class TrackPage
{
    private PortalTrackingView? view;
    private string? message;
    private string? notice;
    private List<CommandError> errors = [];
    private bool filesWereChosen;
    private string? surveyLink;

    [Inject]
    private TicketPortal Portal { get; set; } = default!;

    [Inject]
    private KopUkm.Dashboard.Features.Surveys.IkmSurveys Surveys { get; set; } = default!;

    [Inject]
    private TrackingCookie Cookie { get; set; } = default!;

    [Inject]
    private WrongPinLimiter Limiter { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "pesan")]
    private string? Flash { get; set; }

    [SupplyParameterFromQuery(Name = "tautan")]
    private string? LinkState { get; set; }

    [SupplyParameterFromForm(FormName = "lacak")]
    private LookupInput Lookup { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "jawab")]
    private AnswerInput Answer { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "tutup")]
    private ReasonInput Close { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "buka")]
    private ReasonInput Reopen { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "keluar")]
    private ForgetInput Forget { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Lookup ??= new();
        Answer ??= new();
        Close ??= new();
        Reopen ??= new();
        Forget ??= new();
        HttpContext.Response.Headers.CacheControl = "no-store";
        if (LinkState == "kedaluwarsa")
        {
            message = L["Portal.Track.LinkExpired"];
        }

        notice = Flash switch
        {
            "jawaban" => L["Portal.Track.AnswerSent"].Value,
            "ditutup" => L["Portal.Track.Closed"].Value,
            "dibuka" => L["Portal.Track.Reopened"].Value,
            _ => null,
        };
        // Also on a post: Blazor dispatches a form post only to a form this render shows (answer, close, reopen).
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        view = Cookie.Read(HttpContext) is { } id ? await Portal.TrackAsync(id, HttpContext.RequestAborted) : null;
        surveyLink = view is { ResolvedAtUtc: not null } ? await Surveys.TrackingLinkAsync(view.TicketId, HttpContext.RequestAborted) : null;
    }

    private async Task LookupAsync()
    {
        var code = (Lookup.Code ?? "").Trim().ToUpperInvariant();
        Lookup.Code = code;
        if (await Limiter.TryBeginAsync(code, ClientAddress.Of(HttpContext), HttpContext.RequestAborted) is not { } attempt)
        {
            message = L["Portal.Track.LockedOut"];
            return;
        }

        if (await Portal.VerifyAsync(code, Lookup.Pin, HttpContext.RequestAborted) is { } ticketId)
        {
            // Not cancelled with the request: a right PIN must never stay counted as a wrong one.
            await attempt.ForgiveAsync(CancellationToken.None);
            Cookie.Issue(HttpContext, ticketId);
            Navigation.NavigateTo("lacak");
            return;
        }

        // The attempt stays counted as a wrong PIN. The same sentence for an unknown code and a wrong PIN.
        message = L["Portal.Track.NotMatched"];
    }

    private async Task AnswerAsync()
    {
        if (Cookie.Read(HttpContext) is not { } id)
        {
            message = L["Portal.Track.SessionEnded"];
            return;
        }

        var chosen = HttpContext.Request.HasFormContentType
            ? HttpContext.Request.Form.Files.Where(f => f.Name == "files" && (f.Length > 0 || f.FileName.Length > 0)).ToList()
            : [];
        filesWereChosen = chosen.Count > 0;
        var result = await Portal.AnswerAsync(id, Answer.Version, Answer.Text,
            [.. chosen.Select(f => new IncomingFile(f.FileName, f.Length, f.OpenReadStream))], HttpContext.RequestAborted);
        await AfterAsync(result, "jawaban");
    }

    private async Task CloseAsync()
    {
        Close.Posted = true;
        await ReasonMoveAsync(Close, (id, r) => Portal.CloseAsync(id, r.Version, r.Reason, HttpContext.RequestAborted), "ditutup");
    }

    private async Task ReopenAsync()
    {
        Reopen.Posted = true;
        await ReasonMoveAsync(Reopen, (id, r) => Portal.ReopenAsync(id, r.Version, r.Reason, HttpContext.RequestAborted), "dibuka");
    }

    private Task ForgetAsync()
    {
        TrackingCookie.Clear(HttpContext);
        Navigation.NavigateTo("lacak");
        return Task.CompletedTask;
    }

    private async Task ReasonMoveAsync(ReasonInput input, Func<int, ReasonInput, Task<CommandResult>> move, string flash)
    {
        if (Cookie.Read(HttpContext) is not { } id)
        {
            message = L["Portal.Track.SessionEnded"];
            return;
        }

        await AfterAsync(await move(id, input), flash);
    }

    private async Task AfterAsync(CommandResult result, string flash)
    {
        if (result.Succeeded)
        {
            Navigation.NavigateTo("lacak?pesan=" + flash);
            return;
        }

        errors = [.. result.Errors];
        var general = errors.Where(e => e.Field is null).ToList();
        message = result.IsConflict ? L["Portal.Track.Changed"]
            : general.Count > 0 ? string.Join(" ", general.Select(e => L[e.MessageKey, e.Args].Value))
            : L["Portal.Apply.ErrorSummary"];
        await LoadAsync();
    }

    private string? DescribedBy(string field) => errors.Any(e => e.Field == field) ? FieldError.IdFor(field) : null;

    private string Describe(PortalTimelineEntry e) => e.Kind switch
    {
        TicketEventKind.Created => L["Portal.Event.Created"],
        TicketEventKind.Replied => L["Portal.Event.Replied"],
        TicketEventKind.Paused => L["Portal.Event.Paused"],
        TicketEventKind.Resolved => L["Portal.Event.Resolved"],
        TicketEventKind.ApplicantAnswered => L["Portal.Event.Answered"],
        TicketEventKind.Closed => L["Portal.Event.Closed"],
        TicketEventKind.Reopened => L["Portal.Event.Reopened"],
        _ => L["Portal.Event.Status", L[$"Portal.Status.{e.ToStatus}"]],
    };

    private static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.CurrentCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.CurrentCulture) + " KB";

    public sealed class LookupInput
    {
        public string? Code { get; set; }

        public string? Pin { get; set; }
    }

    public sealed class AnswerInput
    {
        public long Version { get; set; }

        public string? Text { get; set; }
    }

    public sealed class ReasonInput
    {
        public long Version { get; set; }

        public string? Reason { get; set; }

        public bool Posted { get; set; }
    }

    public sealed class ForgetInput
    {
        public string? Go { get; set; }
    }
}
