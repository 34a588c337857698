using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;

namespace KopUkm.Dashboard.Features.Tickets;

/// <summary>
/// An SME's request to the office, from any channel: routed to a division, owned by a person, held to the service's
/// standard times. Its SLA columns are a snapshot refreshed from the event log, kept for filtering and sorting.
/// </summary>
public sealed class Ticket : IVersioned
{
    public int Id { get; set; }

    /// <summary>Readable code such as UMKM-2026-000123, given once the database has assigned the id.</summary>
    public string Code { get; set; } = "";

    public required string ApplicantName { get; set; }

    public string BusinessName { get; set; } = "";

    public string? Nib { get; set; }

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public int? RegionId { get; set; }

    public Region? Region { get; set; }

    public SmeSize Size { get; set; } = SmeSize.BelumDiketahui;

    public int ServiceTypeId { get; set; }

    public ServiceType? ServiceType { get; set; }

    public TicketChannel Channel { get; set; }

    /// <summary>Tracking number of a complaint that came through SP4N-LAPOR!.</summary>
    public string? LaporTrackingNumber { get; set; }

    public WorkPriority Priority { get; set; } = WorkPriority.Normal;

    public required string Description { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.Baru;

    /// <summary>The division that owns the ticket now (the service's owner until a handoff).</summary>
    public int DivisionId { get; set; }

    public Division? Division { get; set; }

    public string? AssignedUserId { get; set; }

    public string? AssignedUserName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? FirstRespondedAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    public string? ResolutionNote { get; set; }

    public string? PauseReason { get; set; }

    public int ReopenCount { get; set; }

    [Derived]
    public SlaStatus FirstResponseSla { get; set; } = SlaStatus.OnTrack;

    [Derived]
    public SlaStatus ResolutionSla { get; set; } = SlaStatus.OnTrack;

    [Derived]
    public DateTime? FirstResponseDueAtUtc { get; set; }

    [Derived]
    public DateTime? ResolutionDueAtUtc { get; set; }

    /// <summary>Working minutes left on the resolution clock at the last refresh (negative when breached).</summary>
    [Derived]
    public int? ResolutionMinutesLeft { get; set; }

    /// <summary>
    /// Set once, when either clock first breaches, and never cleared: the breach on record. Unlike the snapshot columns
    /// around it this is audited, with the SLA monitor as the actor when the monitor is the one that noticed.
    /// </summary>
    public bool EverBreached { get; set; }

    /// <summary>
    /// Working minutes on the first-response clock once it has stopped (first reply, or resolution without one); null
    /// while it runs. Stored by <see cref="TicketSlaProjector"/> so that the metrics can rank durations in SQL.
    /// </summary>
    [Derived]
    public int? FirstResponseWorkingMinutes { get; set; }

    /// <summary>
    /// Working minutes on the resolution clock, pauses excluded, while the ticket is resolved; null while it is open
    /// (a reopening clears it until the next resolution). Stored by <see cref="TicketSlaProjector"/>.
    /// </summary>
    [Derived]
    public int? ResolutionWorkingMinutes { get; set; }

    [Derived]
    public DateTime? SlaRefreshedAtUtc { get; set; }

    public long Version { get; set; }
}

public enum TicketStatus
{
    Baru = 1,
    Ditugaskan = 2,
    Diproses = 3,
    MenungguPemohon = 4,
    Selesai = 5,
    Ditutup = 6,
    DibukaKembali = 7,
}

public enum TicketChannel
{
    DatangLangsung = 1,
    SitusWeb = 2,
    WhatsApp = 3,
    Telepon = 4,
    Email = 5,
    MediaSosial = 6,
    Lapor = 7,

    /// <summary>Submitted by the applicant on the public portal (/ajukan), without an account.</summary>
    Portal = 8,

    /// <summary>Filed by another system through the Open311 API with an API key.</summary>
    Api = 9,
}

/// <summary>PP 7/2021 size classes by business capital.</summary>
public enum SmeSize
{
    BelumDiketahui = 0,
    Mikro = 1,
    Kecil = 2,
    Menengah = 3,
}

/// <summary>
/// State of one SLA clock. Breached is permanent history; Met means stopped within the target. A paused clock is
/// <see cref="Paused"/>, or <see cref="PausedRisk"/> when it was paused with less than the at-risk share of its target
/// left (docs/sla.md rule 11): it counts as at risk on the dashboard and in the "at risk" list, and as paused in the
/// "paused" list. (Stored as text in a 10-character column, hence the short name.)
/// </summary>
public enum SlaStatus
{
    OnTrack = 1,
    AtRisk = 2,
    Breached = 3,
    Met = 4,
    Paused = 5,
    PausedRisk = 6,
}
