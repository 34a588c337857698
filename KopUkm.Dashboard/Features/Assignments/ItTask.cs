using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Features.Assignments;

/// <summary>
/// A work item of the Digital Service Unit: requested by a division, worked by one IT staff member, optionally
/// raised from a ticket, a content item or a cooperative case. Its life is logged in <see cref="ItTaskEvent"/>.
/// </summary>
public sealed class ItTask : IVersioned
{
    public int Id { get; set; }

    /// <summary>Readable code such as TI-2026-00042, given once the database has assigned the id.</summary>
    public string Code { get; set; } = "";

    public required string Title { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Stored as its number (unlike ticket priority) so columns can sort by urgency in SQL.</summary>
    public WorkPriority Priority { get; set; } = WorkPriority.Normal;

    public ItTaskStatus Status { get; set; } = ItTaskStatus.Baru;

    /// <summary>The calendar day (WIB) by which the work should be done.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>Estimated effort in hours, 0.5 to 200.</summary>
    public decimal EstimateHours { get; set; }

    /// <summary>An IT staff member (role StafTI), or null while nobody has it.</summary>
    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    /// <summary>The division that needs the work done.</summary>
    public int RequestingDivisionId { get; set; }

    public Division? RequestingDivision { get; set; }

    /// <summary>
    /// What the task was raised from. Kind and id only, without a foreign key: content items live in another
    /// feature that may be absent or migrated separately, and a source may be removed while the task stays.
    /// </summary>
    public WorkItemKind SourceKind { get; set; } = WorkItemKind.None;

    public long? SourceId { get; set; }

    /// <summary>What the task is waiting for while in <see cref="ItTaskStatus.Menunggu"/>.</summary>
    public string? WaitingReason { get; set; }

    public string? CreatedById { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public long Version { get; set; }
}

public enum ItTaskStatus
{
    Baru = 1,
    Dikerjakan = 2,
    Menunggu = 3,
    Selesai = 4,
}

