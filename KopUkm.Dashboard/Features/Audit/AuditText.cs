using System.Globalization;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Audit;

/// <summary>
/// How the audit trail reads in the user's language: entity and field names from the resources (the raw name when a
/// key is missing, so a new column still shows), actors, and values as the office writes them.
/// </summary>
public static class AuditText
{
    /// <summary>Shown for a missing or empty value.</summary>
    public const string Empty = "–";

    /// <summary>Long texts (descriptions, notes) are cut here in the grid; the full text is in the cell's tooltip.</summary>
    public const int MaxValueLength = 160;

    /// <summary>"Tiket" for <c>Audit.Entity.Ticket</c>; the type name when no label exists.</summary>
    public static string Entity(string entityType, IStringLocalizer L) => Find(L, $"Audit.Entity.{entityType}") ?? entityType;

    /// <summary><c>Audit.Field.Ticket.Status</c>, else the shared <c>Audit.Field.Status</c>, else the field's name.</summary>
    public static string Field(string entityType, string field, IStringLocalizer L) =>
        Find(L, $"Audit.Field.{entityType}.{field}") ?? Find(L, $"Audit.Field.{field}") ?? field;

    /// <summary>"Sistem · Pemantau SLA" for a job, "Sistem" for the system, else the person's name as recorded.</summary>
    public static string Actor(string actorName, string? actorUserId, string? actorJob, IStringLocalizer L) => actorJob switch
    {
        { } job => $"{L["Audit.System"]} · {Job(job, L)}",
        null when actorUserId is null && actorName == AuditActor.System.Name => L["Audit.System"],
        _ => actorName,
    };

    public static string Actor(AuditRow row, IStringLocalizer L) => Actor(row.ActorName, row.ActorUserId, row.ActorJob, L);

    public static string Actor(AuditActorOption option, IStringLocalizer L) => option.Kind switch
    {
        AuditActorKind.Job => Actor(AuditActor.System.Name, null, option.Id, L),
        AuditActorKind.System => L["Audit.System"],
        _ => option.Name,
    };

    public static string Job(string job, IStringLocalizer L) => Find(L, $"Audit.Job.{job}") ?? job;

    /// <summary>
    /// A stored value as the office reads it: instants in WIB ("14 Des 2026 09.30 WIB"), dates, Ya/Tidak, numbers in the
    /// user's culture, enum values through their labels. Names of divisions and people arrive already resolved.
    /// </summary>
    public static string Value(AuditField field, string? value, IStringLocalizer L)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Empty;
        }

        var invariant = CultureInfo.InvariantCulture;
        return field.Kind switch
        {
            AuditValueKind.Instant when DateTimeOffset.TryParse(value, invariant, DateTimeStyles.AssumeUniversal, out var at) =>
                WibTime.FormatDateTime(at.UtcDateTime),
            AuditValueKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date) =>
                WibTime.FormatShortDate(date),
            AuditValueKind.Boolean when bool.TryParse(value, out var flag) => flag ? L["Common.Yes"] : L["Common.No"],
            AuditValueKind.Number when decimal.TryParse(value, NumberStyles.Number, invariant, out var number) =>
                number.ToString("0.##", CultureInfo.CurrentCulture),
            AuditValueKind.Enum => string.Join(", ", value.Split(", ").Select(v => EnumLabel(field.EnumType, v, L))),
            AuditValueKind.Role => Find(L, $"Role.{value}") ?? value,
            _ => value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value,
        };
    }

    /// <summary>The value's label where one exists as <c>EnumType.Value</c>; labels that are sentences with blanks are not one.</summary>
    private static string EnumLabel(string? enumType, string value, IStringLocalizer L) =>
        enumType is not null && Find(L, $"{enumType}.{value}") is { } label && !label.Contains('{', StringComparison.Ordinal) ? label : value;

    private static string? Find(IStringLocalizer L, string key) => L[key] is { ResourceNotFound: false } text ? text.Value : null;
}
