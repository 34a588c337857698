using System.Globalization;
using System.Net;
using System.Resources;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>Where a survey link stands.</summary>
public enum IkmSurveyState
{
    Open = 1,
    Answered = 2,
    Expired = 3,
    NotFound = 4,
}

/// <summary>What the public survey page shows: the state, the service's name, and until when it is open.</summary>
public sealed record IkmSurveyView(IkmSurveyState State, string? ServiceName, DateTime? ExpiresAtUtc);

/// <summary>The walk-in link an officer prints: the address, its QR code as inline SVG, and the expiry.</summary>
public sealed record IkmWalkInLink(string TicketCode, string ServiceName, string Link, string QrSvg, DateTime ExpiresAtUtc, bool Answered);

/// <summary>
/// The IKM survey of one request: invited when the ticket is resolved (e-mail with a signed link, in the resolution's
/// own save), a printable link with a QR code for walk-ins, opened and answered once by anyone holding the link within
/// 30 days. No account; nothing personal is stored with the answer.
/// </summary>
public sealed class IkmSurveys(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    IkmSurveyLinks links,
    IEmailOutbox outbox,
    TimeProvider clock) : ITicketResolvedHandler
{
    private static readonly ResourceManager Texts = new("KopUkm.Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>On resolution: the request's survey (once) and, when the applicant left an e-mail address, the invitation.</summary>
    public async Task OnResolvedAsync(AppDbContext db, Ticket ticket, CancellationToken ct)
    {
        var survey = await EnsureAsync(db, ticket.Id, ticket.ServiceTypeId, ticket.DivisionId, ct);
        if (survey.AnsweredAtUtc is not null || string.IsNullOrWhiteSpace(ticket.Email))
        {
            return;
        }

        var link = links.LinkFor(ticket.Id);
        var greeting = T("Email.Greeting", ticket.ApplicantName);
        var body = T("Ikm.Email.Body", ticket.Code);
        var expiry = T("Ikm.Email.Expires", WibTime.ToWib(survey.ExpiresAtUtc).ToString("d MMMM yyyy", Indonesian));
        var signature = T("Email.Signature");
        var text = string.Join("\n\n", greeting, body, link, expiry, signature) + "\n";
        var html = "<!doctype html><html lang=\"id\"><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a\">"
            + $"<p>{Html(greeting)}</p><p>{Html(body)}</p><p><a href=\"{Html(link)}\">{Html(T("Ikm.Email.Button"))}</a></p>"
            + $"<p>{Html(expiry)}</p><p style=\"white-space:pre-wrap\">{Html(signature)}</p></body></html>";
        await outbox.AddAsync(db, new OutgoingEmail($"ikm:{ticket.Id}:invite", "ikm-invite", ticket.Email, ticket.ApplicantName, T("Ikm.Email.Subject", ticket.Code), text, html), ct);
    }

    /// <summary>
    /// For an officer at the counter: the survey link and QR code of a resolved or closed request they may see, created
    /// on first use. Null when the request is not finished yet or the officer may not see it.
    /// </summary>
    public async Task<IkmWalkInLink?> WalkInLinkAsync(int ticketId, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewTickets);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Set<Ticket>().Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.Code, t.Status, t.ServiceTypeId, t.DivisionId, Service = t.ServiceType!.NameId })
            .FirstOrDefaultAsync(ct);
        if (ticket is null || !TicketAccess.CanSee(user, ticket.DivisionId))
        {
            return null;
        }

        if (ticket.Status is not (TicketStatus.Selesai or TicketStatus.Ditutup))
        {
            return null;
        }

        var survey = await EnsureAsync(db, ticket.Id, ticket.ServiceTypeId, ticket.DivisionId, ct);
        await db.SaveChangesAsync(ct);
        var link = links.LinkFor(ticket.Id);
        return new IkmWalkInLink(ticket.Code, ticket.Service, link, QrSvg(link), survey.ExpiresAtUtc, survey.AnsweredAtUtc is not null);
    }

    /// <summary>The state of a survey link, for the public page.</summary>
    public async Task<IkmSurveyView> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (links.Read(token) is not { } ticketId)
        {
            return new IkmSurveyView(IkmSurveyState.NotFound, null, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<IkmSurvey>().AsNoTracking().Where(s => s.TicketId == ticketId)
            .Join(db.Set<ServiceType>(), s => s.ServiceTypeId, st => st.Id, (s, st) => new { s.AnsweredAtUtc, s.ExpiresAtUtc, st.NameId, st.NameEn })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new IkmSurveyView(IkmSurveyState.NotFound, null, null);
        }

        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && row.NameEn.Length > 0 ? row.NameEn : row.NameId;
        var state = row.AnsweredAtUtc is not null ? IkmSurveyState.Answered
            : clock.GetUtcNow().UtcDateTime >= row.ExpiresAtUtc ? IkmSurveyState.Expired
            : IkmSurveyState.Open;
        return new IkmSurveyView(state, name, row.ExpiresAtUtc);
    }

    /// <summary>
    /// Saves the answer of the request the token names: once, within the link's 30 days, with all nine scores.
    /// A second answer (even sent at the same moment) is refused by the survey's version.
    /// </summary>
    public async Task<CommandResult> SubmitAsync(string? token, IkmAnswerForm form, CancellationToken ct = default)
    {
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        if (links.Read(token) is not { } ticketId)
        {
            return CommandResult.Fail("Ikm.Error.LinkInvalid");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var survey = await db.Set<IkmSurvey>().FirstOrDefaultAsync(s => s.TicketId == ticketId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (survey is null)
        {
            return CommandResult.Fail("Ikm.Error.LinkInvalid");
        }

        if (survey.AnsweredAtUtc is not null)
        {
            return CommandResult.Fail("Ikm.Error.AlreadyAnswered");
        }

        if (now >= survey.ExpiresAtUtc)
        {
            return CommandResult.Fail("Ikm.Error.Expired");
        }

        survey.SetScores([.. form.Scores.Select(s => s!.Value)]);
        survey.Suggestion = string.IsNullOrWhiteSpace(form.Suggestion) ? null : form.Suggestion.Trim();
        survey.Gender = form.Gender;
        survey.AgeBand = form.AgeBand;
        survey.Education = form.Education;
        survey.Occupation = form.Occupation;
        survey.AnsweredAtUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail("Ikm.Error.AlreadyAnswered");
        }

        return CommandResult.Success;
    }

    /// <summary>The survey link of a request the tracking page shows after resolution (the visitor holds its cookie); null when none is open.</summary>
    public async Task<string?> TrackingLinkAsync(int ticketId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<IkmSurvey>().AsNoTracking()
            .AnyAsync(s => s.TicketId == ticketId && s.AnsweredAtUtc == null && s.ExpiresAtUtc > now, ct);
        return open ? links.RelativeFor(ticketId) : null;
    }

    private async Task<IkmSurvey> EnsureAsync(AppDbContext db, int ticketId, int serviceTypeId, int divisionId, CancellationToken ct)
    {
        var existing = db.ChangeTracker.Entries<IkmSurvey>().Select(e => e.Entity).FirstOrDefault(s => s.TicketId == ticketId)
            ?? await db.Set<IkmSurvey>().FirstOrDefaultAsync(s => s.TicketId == ticketId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var survey = new IkmSurvey
        {
            TicketId = ticketId,
            ServiceTypeId = serviceTypeId,
            DivisionId = divisionId,
            InvitedAtUtc = now,
            ExpiresAtUtc = now + IkmRules.LinkLifetime,
        };
        db.Set<IkmSurvey>().Add(survey);
        return survey;
    }

    /// <summary>The QR code of a link as an inline SVG (no script, no image request; prints sharply).</summary>
    public static string QrSvg(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(240, 240), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg;
    }

    private static string T(string key, params object[] args) =>
        string.Format(Indonesian, Texts.GetString(key, Indonesian) ?? key, args);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
