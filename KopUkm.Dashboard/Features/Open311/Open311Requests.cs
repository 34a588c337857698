using System.Globalization;
using System.Security.Cryptography;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Notifications;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Features.Tickets.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Open311;

/// <summary>The answer to a filed request (the standard's POST response, one element).</summary>
public sealed record Open311Created(string ServiceRequestId, string Token, string ServiceNotice, string? AccountId);

/// <summary>
/// A request as anyone may read it: the service, the region, the division, the status and its times. Never the
/// applicant's name, contact, NIB, business or description (UU 27/2022).
/// </summary>
public sealed record Open311Request(
    string ServiceRequestId,
    string Status,
    string StatusNotes,
    string ServiceName,
    string ServiceCode,
    string AgencyResponsible,
    string ServiceNotice,
    string? Address,
    string? RequestedDatetime,
    string? UpdatedDatetime,
    string? ExpectedDatetime);

public sealed record Open311TokenAnswer(string? ServiceRequestId, string Token);

/// <summary>What a client sent to file a request, field by field as the standard names them.</summary>
public sealed class Open311RequestForm
{
    public string ServiceCode { get; set; } = "";

    public string JurisdictionId { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Description { get; set; } = "";

    public string AccountId { get; set; } = "";

    /// <summary><c>attribute[CODE]</c> values by code.</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the standard's field names (<c>attribute[NIB]</c> and so on) from form or JSON fields.</summary>
    public static Open311RequestForm From(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string Field(string name) => fields.TryGetValue(name, out var value) ? value.Trim() : "";
        var form = new Open311RequestForm
        {
            ServiceCode = Field("service_code"),
            JurisdictionId = Field("jurisdiction_id"),
            FirstName = Field("first_name"),
            LastName = Field("last_name"),
            Email = Field("email"),
            Phone = Field("phone"),
            Description = Field("description"),
            AccountId = Field("account_id"),
        };
        foreach (var (name, value) in fields)
        {
            if (name.StartsWith("attribute[", StringComparison.OrdinalIgnoreCase) && name.EndsWith(']'))
            {
                form.Attributes[name["attribute[".Length..^1]] = value.Trim();
            }
        }

        return form;
    }

    public string Attribute(string code) => Attributes.TryGetValue(code, out var value) ? value : "";
}

/// <summary>A page of the public list and how many requests matched in all.</summary>
public sealed record Open311Page(IReadOnlyList<Open311Request> Items, int Total);

/// <param name="Ids">The standard's <c>service_request_id</c> filter: when given, the dates do not apply.</param>
public sealed record Open311ListQuery(IReadOnlyList<string> Ids, IReadOnlyList<string> ServiceCodes, bool? Open, DateTime FromUtc, DateTime ToUtc, int Page, int PageSize);

/// <summary>
/// Requests through the Open311 API: filing one with a key (channel API, through the same <see cref="TicketIntake"/>
/// and transaction as the portal and the desk, so routing, auto-assignment and the SLA snapshot are the same), and
/// the anonymised reads anyone may make. Saves are audited as the API ("Sistem · API Open311"); the ticket's events
/// name the key.
/// </summary>
public sealed class Open311Requests(
    IDbContextFactory<AppDbContext> dbFactory,
    TicketIntake intake,
    NotificationService notifications,
    ChangeNotifier changes,
    JobActor auditActor,
    IOptions<Open311Options> options,
    IStringLocalizer<SharedResource> L,
    TimeProvider clock)
{
    /// <summary>The audit trail's name for saves made through the API (<c>Audit.Job.Open311Api</c>).</summary>
    public const string AuditName = "Open311Api";

    /// <summary>
    /// Checks the request and records it as a ticket on channel API. Answers the problems as the standard's error
    /// descriptions (each naming its field), or the new request's id and token.
    /// </summary>
    public async Task<(IReadOnlyList<string> Errors, Open311Created? Created)> SubmitAsync(Open311RequestForm form, VerifiedApiKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(key);
        auditActor.Name(AuditName);
        var errors = new List<string>();
        void Add(string field, string messageKey, params object[] args) => errors.Add($"{field}: {L[messageKey, args]}");

        if (form.JurisdictionId.Length > 0 && !string.Equals(form.JurisdictionId, options.Value.JurisdictionId, StringComparison.OrdinalIgnoreCase))
        {
            Add("jurisdiction_id", "Open311.Error.Jurisdiction", options.Value.JurisdictionId);
        }

        var name = $"{form.FirstName} {form.LastName}".Trim();
        if (name.Length == 0)
        {
            Add("first_name", "Validation.Required");
        }
        else if (name.Length > PortalRequestForm.NameMax)
        {
            Add("first_name", "Validation.MaxLength", PortalRequestForm.NameMax);
        }

        if (form.Email.Length == 0 && form.Phone.Length == 0)
        {
            Add("email", "Open311.Error.ContactRequired");
        }

        if (form.Email.Length > 0 && (form.Email.Length > PortalRequestForm.EmailMax || !EmailAddresses.IsValid(form.Email)))
        {
            Add("email", "Validation.Email");
        }

        if (form.Phone.Length > 0 && (form.Phone.Length > PortalRequestForm.PhoneMax || !PhoneNumbers.IsValid(form.Phone)))
        {
            Add("phone", "Validation.Phone");
        }

        if (form.Description.Length < PortalRequestForm.DescriptionMin)
        {
            Add("description", "Portal.Validation.DescriptionShort", PortalRequestForm.DescriptionMin);
        }
        else if (form.Description.Length > PortalRequestForm.DescriptionMax)
        {
            Add("description", "Validation.MaxLength", PortalRequestForm.DescriptionMax);
        }

        var nib = form.Attribute(Open311Catalogue.Nib);
        if (nib.Length > 0 && (nib.Length != 13 || !nib.All(char.IsAsciiDigit)))
        {
            Add($"attribute[{Open311Catalogue.Nib}]", "Portal.Validation.Nib");
        }

        var business = form.Attribute(Open311Catalogue.BusinessName);
        if (business.Length > PortalRequestForm.BusinessMax)
        {
            Add($"attribute[{Open311Catalogue.BusinessName}]", "Validation.MaxLength", PortalRequestForm.BusinessMax);
        }

        var sizeKey = form.Attribute(Open311Catalogue.Size);
        var size = SmeSize.BelumDiketahui;
        if (sizeKey.Length > 0 && !Open311Catalogue.Sizes.TryGetValue(sizeKey, out size))
        {
            Add($"attribute[{Open311Catalogue.Size}]", "Open311.Error.NotInList", string.Join(", ", Open311Catalogue.Sizes.Keys));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var serviceCode = form.ServiceCode.ToUpperInvariant();
        var service = serviceCode.Length == 0 ? null
            : await db.Set<ServiceType>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == serviceCode && s.IsActive, ct);
        if (service is null)
        {
            Add("service_code", form.ServiceCode.Length == 0 ? "Validation.Required" : "Open311.Error.UnknownService");
        }

        var regionCode = form.Attribute(Open311Catalogue.Region);
        var region = regionCode.Length == 0 ? null
            : await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == regionCode && r.IsActive, ct);
        if (region is null)
        {
            Add($"attribute[{Open311Catalogue.Region}]", regionCode.Length == 0 ? "Validation.Required" : "Open311.Error.UnknownRegion");
        }

        if (form.AccountId.Length > 100)
        {
            Add("account_id", "Validation.MaxLength", 100);
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var intakeForm = new TicketIntakeForm
        {
            ApplicantName = name,
            Email = form.Email,
            Phone = form.Phone.Length == 0 ? "" : PhoneNumbers.Normalize(form.Phone),
            ServiceTypeId = service!.Id,
            RegionId = region!.Id,
            BusinessName = business,
            Nib = nib,
            Size = size,
            Description = form.Description,
            Channel = TicketChannel.Api,
        };
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ticket = await intake.RecordAsync(db, intakeForm, service, ApiActor(key), now, ct);
        db.Add(new Open311Submission { TicketId = ticket.Id, ApiKeyId = key.Id, Token = token, AccountId = form.AccountId.Length == 0 ? null : form.AccountId, CreatedAtUtc = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(ChangeTopic.Tickets, ticket.DivisionId.ToString(CultureInfo.InvariantCulture));
        if (ticket.AssignedUserId is { } assignee)
        {
            await notifications.NotifyAsync(assignee, $"ticket:{ticket.Id}:api-assigned", "ticket-api", "Notification.TicketApiAssigned", [ticket.Code, key.Name],
                string.Create(CultureInfo.InvariantCulture, $"/layanan/{ticket.Id}"), ct);
        }

        var division = await db.Set<Division>().AsNoTracking().Where(d => d.Id == ticket.DivisionId).Select(d => d.Name).FirstAsync(ct);
        return ([], new Open311Created(ticket.Code, token, Notice(division, service.ResolutionWorkingDays), form.AccountId.Length == 0 ? null : form.AccountId));
    }

    /// <summary>One request by its id (the ticket code), anonymised; null when there is none.</summary>
    public async Task<Open311Request?> GetAsync(string id, CancellationToken ct = default)
    {
        var code = (id ?? "").Trim().ToUpperInvariant();
        if (code.Length is 0 or > 30)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db, db.Set<Ticket>().AsNoTracking().Where(t => t.Code == code)).ToListAsync(ct);
        return rows.Select(ToRequest).FirstOrDefault();
    }

    /// <summary>The public list: by ids, or by service, status and a requested-date range; newest first, paged.</summary>
    public async Task<Open311Page> ListAsync(Open311ListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tickets = db.Set<Ticket>().AsNoTracking();
        if (query.Ids.Count > 0)
        {
            var codes = query.Ids.Select(i => i.Trim().ToUpperInvariant()).ToList();
            tickets = tickets.Where(t => codes.Contains(t.Code));
        }
        else
        {
            tickets = tickets.Where(t => t.CreatedAtUtc >= query.FromUtc && t.CreatedAtUtc <= query.ToUtc);
        }

        if (query.ServiceCodes.Count > 0)
        {
            var services = query.ServiceCodes.Select(s => s.Trim().ToUpperInvariant()).ToList();
            tickets = tickets.Where(t => services.Contains(t.ServiceType!.Code));
        }

        if (query.Open is { } open)
        {
            var openStatuses = TicketWorkflow.OpenStatuses.ToList();
            tickets = open ? tickets.Where(t => openStatuses.Contains(t.Status)) : tickets.Where(t => !openStatuses.Contains(t.Status));
        }

        var total = await tickets.CountAsync(ct);
        var size = Math.Clamp(query.PageSize, 1, Open311Options.MaxRows);
        var page = tickets.OrderByDescending(t => t.CreatedAtUtc).ThenByDescending(t => t.Id).Skip((Math.Max(1, query.Page) - 1) * size).Take(size);
        var rows = await Project(db, page).ToListAsync(ct);
        return new Open311Page([.. rows.Select(ToRequest)], total);
    }

    /// <summary>The request a token from a filing stands for (<c>GET tokens/{token}.json</c>); null for an unknown token.</summary>
    public async Task<Open311TokenAnswer?> TokenAsync(string token, CancellationToken ct = default)
    {
        var value = (token ?? "").Trim().ToLowerInvariant();
        if (value.Length is 0 or > 40)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await (from s in db.Set<Open311Submission>().AsNoTracking()
                          join t in db.Set<Ticket>().AsNoTracking() on s.TicketId equals t.Id
                          where s.Token == value
                          select t.Code).FirstOrDefaultAsync(ct);
        return code is null ? null : new Open311TokenAnswer(code, value);
    }

    /// <summary>Open while someone still has to act (the office or the applicant); closed once resolved or closed.</summary>
    public static string StatusOf(TicketStatus status) => TicketWorkflow.IsOpen(status) ? "open" : "closed";

    private static IQueryable<Row> Project(AppDbContext db, IQueryable<Ticket> tickets) =>
        tickets.Select(t => new Row(
            t.Code,
            t.Status,
            t.ServiceType!.NameId,
            t.ServiceType.Code,
            t.ServiceType.ResolutionWorkingDays,
            t.Division!.Name,
            t.Region == null ? (RegionKind?)null : t.Region.Kind,
            t.Region == null ? null : t.Region.Name,
            t.CreatedAtUtc,
            db.Set<TicketEvent>().Where(e => e.TicketId == t.Id).Max(e => (DateTime?)e.AtUtc),
            t.ResolutionDueAtUtc));

    private Open311Request ToRequest(Row r) => new(
        r.Code,
        StatusOf(r.Status),
        L[$"Open311.StatusNote.{r.Status}"],
        r.ServiceName,
        r.ServiceCode,
        r.Division,
        Notice(r.Division, r.ResolutionDays),
        r.Region is { } region ? Open311Catalogue.RegionName(r.RegionKind!.Value, region) : null,
        Open311Json.Time(r.CreatedAtUtc),
        Open311Json.Time(r.UpdatedAtUtc ?? r.CreatedAtUtc),
        Open311Json.Time(r.DueAtUtc));

    private string Notice(string division, int resolutionDays) => L["Open311.ServiceNotice", division, resolutionDays];

    /// <summary>The API key as the actor of the ticket's events: no account, no role, no division.</summary>
    private static UserContext ApiActor(VerifiedApiKey key) => new(null, $"API · {key.Name}", new HashSet<string>(), null, null);

    private sealed record Row(string Code, TicketStatus Status, string ServiceName, string ServiceCode, int ResolutionDays, string Division, RegionKind? RegionKind, string? Region, DateTime CreatedAtUtc, DateTime? UpdatedAtUtc, DateTime? DueAtUtc);
}
