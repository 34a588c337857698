using System.Globalization;
using System.Net;
using System.Resources;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>
/// The e-mails an applicant receives about their ticket, in Indonesian (plain text and a simple HTML part), put in the
/// outbox in the same save as the change that causes them. Keys make each one idempotent: "ticket:{id}:receipt",
/// "ticket:{id}:reply:{eventId}", "ticket:{id}:waiting:{eventId}", "ticket:{id}:resolved:{eventId}",
/// "ticket:{id}:closed:{eventId}". Nothing is written when the ticket has no e-mail address.
/// </summary>
public sealed class TicketApplicantEmails(IEmailOutbox outbox, TicketTrackingLinks links)
{
    private static readonly ResourceManager Texts = new("KopUkm.Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The receipt: code, PIN, the signed tracking link and the standard's time limit with the expected date.</summary>
    public Task<bool> ReceiptAsync(AppDbContext db, Ticket ticket, string serviceName, string pin, int resolutionWorkingDays, DateTime? dueAtUtc, CancellationToken ct)
    {
        var due = dueAtUtc is { } d ? WibTime.ToWib(d).ToString("d MMM yyyy", Indonesian) : "–";
        return AddAsync(db, ticket, $"ticket:{ticket.Id}:receipt", "ticket-receipt", "Email.Receipt.Subject",
            [T("Email.Receipt.Body", ticket.Code, serviceName), T("Email.Receipt.Pin", ticket.Code, pin), T("Email.Receipt.Standard", resolutionWorkingDays, due)],
            ct);
    }

    /// <summary>A reply the officer marked to the applicant.</summary>
    public Task<bool> ReplyAsync(AppDbContext db, Ticket ticket, TicketEvent reply, CancellationToken ct) =>
        AddAsync(db, ticket, $"ticket:{ticket.Id}:reply:{reply.Id}", "ticket-reply", "Email.Reply.Subject",
            [T("Email.Reply.Body", ticket.Code), reply.Text], ct);

    /// <summary>The ticket waits on the applicant: the officer's question, and where to answer.</summary>
    public Task<bool> WaitingAsync(AppDbContext db, Ticket ticket, TicketEvent paused, CancellationToken ct) =>
        AddAsync(db, ticket, $"ticket:{ticket.Id}:waiting:{paused.Id}", "ticket-waiting", "Email.Waiting.Subject",
            [T("Email.Waiting.Body", ticket.Code), paused.Text, T("Email.Waiting.HowToAnswer")], ct);

    public Task<bool> ResolvedAsync(AppDbContext db, Ticket ticket, TicketEvent resolved, int reopenWindowDays, CancellationToken ct) =>
        AddAsync(db, ticket, $"ticket:{ticket.Id}:resolved:{resolved.Id}", "ticket-resolved", "Email.Resolved.Subject",
            [T("Email.Resolved.Body", ticket.Code), resolved.Text, T("Email.Resolved.Reopen", reopenWindowDays)], ct);

    public Task<bool> ClosedAsync(AppDbContext db, Ticket ticket, TicketEvent closed, CancellationToken ct) =>
        AddAsync(db, ticket, $"ticket:{ticket.Id}:closed:{closed.Id}", "ticket-closed", "Email.Closed.Subject",
            [T("Email.Closed.Body", ticket.Code)], ct);

    private async Task<bool> AddAsync(AppDbContext db, Ticket ticket, string key, string purpose, string subjectKey, IReadOnlyList<string> paragraphs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ticket.Email))
        {
            return false;
        }

        var link = links.LinkFor(ticket.Id);
        var greeting = T("Email.Greeting", ticket.ApplicantName);
        var trackLine = T("Email.TrackLink");
        var signature = T("Email.Signature");
        var text = string.Join("\n\n", [greeting, .. paragraphs, $"{trackLine}\n{link}", signature]) + "\n";
        var html = "<!doctype html><html lang=\"id\"><body style=\"font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a\">"
            + $"<p>{Html(greeting)}</p>"
            + string.Concat(paragraphs.Select(p => $"<p style=\"white-space:pre-wrap\">{Html(p)}</p>"))
            + $"<p>{Html(trackLine)}<br><a href=\"{Html(link)}\">{Html(link)}</a></p>"
            + $"<p style=\"white-space:pre-wrap\">{Html(signature)}</p></body></html>";
        return await outbox.AddAsync(db, new OutgoingEmail(key, purpose, ticket.Email, ticket.ApplicantName, T(subjectKey, ticket.Code), text, html), ct);
    }

    private static string T(string key, params object[] args) =>
        string.Format(Indonesian, Texts.GetString(key, Indonesian) ?? key, args);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
