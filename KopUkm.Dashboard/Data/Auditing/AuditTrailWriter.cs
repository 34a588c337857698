using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>
/// Turns the change tracker's pending inserts, updates and deletes into <see cref="AuditEntry"/> rows.
/// Inserts get their keys only after the database assigns them, so they are described before saving and
/// finished after it, inside the same transaction.
/// </summary>
internal static class AuditTrailWriter
{
    /// <summary>Identity bookkeeping that is not a business change.</summary>
    private static readonly HashSet<Type> IgnoredTypes =
    [
        typeof(AuditEntry),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityRoleClaim<string>),
        typeof(IdentityUserPasskey<string>),
    ];

    /// <summary>Values never written to the trail; the trail only records that they changed.</summary>
    private static readonly HashSet<string> MaskedProperties = ["PasswordHash", "SecurityStamp"];

    /// <summary>Bookkeeping columns whose change alone is noise.</summary>
    private static readonly HashSet<string> SkippedProperties = ["ConcurrencyStamp", nameof(IVersioned.Version), "NormalizedEmail", "NormalizedUserName", "NormalizedName"];

    private const string Masked = "***";

    public static List<PendingAudit> Describe(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (IgnoredTypes.Contains(entry.Metadata.ClrType)
                || entry.Entity is INotAudited
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new List<AuditFieldChange>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (SkippedProperties.Contains(name))
                {
                    continue;
                }

                var masked = MaskedProperties.Contains(name);
                switch (entry.State)
                {
                    case EntityState.Added when property.CurrentValue is not null && !property.Metadata.IsPrimaryKey():
                        changes.Add(new(name, null, masked ? Masked : Format(property.CurrentValue)));
                        break;
                    case EntityState.Deleted when property.OriginalValue is not null:
                        changes.Add(new(name, masked ? Masked : Format(property.OriginalValue), null));
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes.Add(masked
                            ? new(name, Masked, Masked)
                            : new(name, Format(property.OriginalValue), Format(property.CurrentValue)));
                        break;
                }
            }

            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Insert,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            pending.Add(new PendingAudit(entry, action, changes, action == AuditAction.Insert ? null : KeyOf(entry)));
        }

        return pending;
    }

    public static bool NeedsKeysFromDatabase(IEnumerable<PendingAudit> pending) =>
        pending.Any(p => p.Action == AuditAction.Insert && p.Entry.Properties.Any(x => x.Metadata.IsPrimaryKey() && x.IsTemporary));

    public static IEnumerable<AuditEntry> Complete(IEnumerable<PendingAudit> pending, AuditActor actor, DateTime nowUtc) =>
        pending.Select(p => new AuditEntry
        {
            OccurredAtUtc = nowUtc,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            EntityType = EntityName(p.Entry.Metadata.ClrType),
            EntityKey = p.KnownKey ?? KeyOf(p.Entry),
            Action = p.Action,
            ChangesJson = JsonSerializer.Serialize(p.Changes),
        });

    /// <summary>The CLR name without generic arity, e.g. "IdentityUserRole" rather than "IdentityUserRole`1".</summary>
    public static string EntityName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "?";
        }

        var values = key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return Format(property.CurrentValue ?? property.OriginalValue);
        });
        return string.Join("/", values);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <param name="KnownKey">The key when known before saving; inserts learn theirs from the database.</param>
internal sealed record PendingAudit(EntityEntry Entry, AuditAction Action, List<AuditFieldChange> Changes, string? KnownKey);
