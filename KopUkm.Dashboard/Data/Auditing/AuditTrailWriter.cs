using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>
/// Turns the change tracker's pending inserts, updates and deletes into <see cref="AuditEntry"/> rows.
/// Inserts get their keys only after the database assigns them, so they are described before saving and
/// finished after it, inside the same transaction. Columns marked <see cref="DerivedAttribute"/> are left out, and an
/// update that changed nothing else writes no row.
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
        // The data protection key ring (PostgreSQL only): secret material, never copied into the audit trail.
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    /// <summary>Values never written to the trail; the trail only records that they changed.</summary>
    private static readonly HashSet<string> MaskedProperties = ["PasswordHash", "SecurityStamp", "SecretHash"];

    /// <summary>Bookkeeping columns whose change alone is noise.</summary>
    private static readonly HashSet<string> SkippedProperties = ["ConcurrencyStamp", nameof(IVersioned.Version), "NormalizedEmail", "NormalizedUserName", "NormalizedName"];

    private const string Masked = "***";

    private static readonly ConcurrentDictionary<PropertyInfo, bool> DerivedByProperty = new();

    /// <summary>Whether rows of this type get audit rows at all.</summary>
    public static bool IsAudited(Type clrType) => !IgnoredTypes.Contains(clrType) && !typeof(INotAudited).IsAssignableFrom(clrType);

    /// <summary>The entity types whose changes the trail records, as <see cref="AuditEntry.EntityType"/> names them.</summary>
    public static IReadOnlyList<string> AuditedEntityNames(IModel model) =>
        [.. model.GetEntityTypes().Where(t => !t.IsOwned() && IsAudited(t.ClrType)).Select(t => EntityName(t.ClrType)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Whether the column is one the app recomputes (<see cref="DerivedAttribute"/>), left out of the trail.</summary>
    public static bool IsDerived(IReadOnlyPropertyBase property) =>
        property.PropertyInfo is { } info && DerivedByProperty.GetOrAdd(info, p => p.IsDefined(typeof(DerivedAttribute), inherit: true));

    public static List<PendingAudit> Describe(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry.Metadata.ClrType)
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = new List<AuditFieldChange>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (SkippedProperties.Contains(name) || IsDerived(property.Metadata))
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
            ActorJob = actor.Job,
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
