using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.PublicPortal.Requests;
using KopUkm.Dashboard.Features.Surveys;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.PublicPortal.Satisfaction;

/// <summary>
/// /survei?t=…: the IKM survey of one request (PermenPANRB 14/2017), opened from the e-mail, the tracking page or the
/// printed QR code. Static SSR, works without JavaScript; rate limited, antiforgery, a honeypot and a minimum fill
/// time as /ajukan. On an error every choice and typed text comes back.
/// </summary>
public partial class SurveyPage
{
    private IkmSurveyView survey = new(IkmSurveyState.NotFound, null, null);
    private List<CommandError> errors = [];
    private string? refusal;
    private bool done;

    [Inject]
    private IkmSurveys Surveys { get; set; } = default!;

    [Inject]
    private PortalFormGuard Guard { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "t")]
    private string? Token { get; set; }

    [SupplyParameterFromForm(FormName = "survei")]
    private SurveyInput Input { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        HttpContext.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            Input.Token = Token;
            Input.Started = Guard.IssueStartToken();
        }

        survey = await Surveys.OpenAsync(Input.Token, HttpContext.RequestAborted);
    }

    private async Task SubmitAsync()
    {
        errors = Input.Answers.Validate();
        if (errors.Count > 0)
        {
            return;
        }

        if (!Guard.LooksHuman(Input.Started, Input.Website))
        {
            Input.Started = Guard.IssueStartToken();
            refusal = L["Portal.Apply.TooFast"];
            return;
        }

        var result = await Surveys.SubmitAsync(Input.Token, Input.Answers, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            done = true;
            return;
        }

        errors = [.. result.Errors];
        survey = await Surveys.OpenAsync(Input.Token, HttpContext.RequestAborted);
        if (errors.All(e => e.Field is null) && survey.State == IkmSurveyState.Open)
        {
            refusal = Message(errors[0]);
        }
    }

    private string Message(CommandError e) => L[e.MessageKey, e.Args];

    private static string FieldId(string? field) => field switch
    {
        "Suggestion" => "s-suggestion",
        "Profile" => "f-profile",
        { } f when f.StartsWith('U') => "f-" + f.ToLowerInvariant(),
        _ => "f-u1",
    };

    private string? Invalid(string field) => errors.Any(e => e.Field == field) ? "true" : null;

    private string? DescribedBy(string field) => errors.Any(e => e.Field == field) ? FieldError.IdFor(field) : null;

    /// <summary>The form as posted: the link's token, the answers, the honeypot and the protected start time.</summary>
    public sealed class SurveyInput
    {
        public string? Token { get; set; }

        public IkmAnswerForm Answers { get; set; } = new();

        public string? Website { get; set; }

        public string? Started { get; set; }
    }
}
