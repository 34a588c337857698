using KopUkm.Dashboard.Data;
using System.Runtime.CompilerServices;
using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace KopUkm.Dashboard.Features.Audit;

/// <summary>What kind of value an audited field holds, so the log can show it the way the office reads it.</summary>
public enum AuditValueKind
{
    Text = 0,

    /// <summary>A UTC instant, shown in WIB.</summary>
    Instant = 1,

    Date = 2,
    Boolean = 3,
    Number = 4,

    /// <summary>An enum value (or a comma-separated set of flags), shown through its resource label.</summary>
    Enum = 5,

    /// <summary>A division id, shown as the division's name.</summary>
    Division = 6,

    /// <summary>An account id, shown as the person's full name.</summary>
    User = 7,

    /// <summary>A role id, shown as the role's label.</summary>
    Role = 8,
}

/// <param name="EnumType">The enum's type name when <paramref name="Kind"/> is <see cref="AuditValueKind.Enum"/>: the prefix of its labels.</param>
/// <param name="IsDerived">A column the app recomputes (<see cref="DerivedAttribute"/>); only old rows hold such changes.</param>
public sealed record AuditField(AuditValueKind Kind, string? EnumType = null, bool IsDerived = false)
{
    public static AuditField Text { get; } = new(AuditValueKind.Text);
}

/// <summary>
/// The kind of every audited field, read once from the EF model: the property's type, and for ids the entity they point
/// to. Ids without a foreign key follow the naming the entities use: <c>…DivisionId</c> is a division,
/// <c>…UserId</c>, <c>AssigneeId</c> and <c>CreatedById</c> are accounts.
/// </summary>
internal sealed class AuditFieldCatalog
{
    private static readonly ConditionalWeakTable<IModel, AuditFieldCatalog> Catalogs = [];
    private static readonly HashSet<string> UserIdNames = ["AssigneeId", "CreatedById"];

    private readonly Dictionary<(string Entity, string Field), AuditField> fields = [];
    private readonly Dictionary<string, IReadOnlyList<AuditValueKind>> keys = [];

    private AuditFieldCatalog(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            var entity = AuditTrailWriter.EntityName(entityType.ClrType);
            foreach (var property in entityType.GetProperties())
            {
                fields.TryAdd((entity, property.Name), Describe(property));
            }

            if (entityType.FindPrimaryKey() is { } key)
            {
                keys.TryAdd(entity, [.. key.Properties.Select(p => KeyKind(entityType.ClrType, p))]);
            }
        }
    }

    public static AuditFieldCatalog Of(IModel model) => Catalogs.GetValue(model, m => new AuditFieldCatalog(m));

    /// <summary>The field's kind; plain text for a field the model no longer has (rows outlive columns).</summary>
    public AuditField Find(string entity, string field) => fields.GetValueOrDefault((entity, field), AuditField.Text);

    /// <summary>
    /// The kind of each part of the entity's key, in the order <see cref="AuditEntry.EntityKey"/> joins them with "/":
    /// an account's key is a person, a user-role row's key a person and a role.
    /// </summary>
    public IReadOnlyList<AuditValueKind> KeyOf(string entity) => keys.GetValueOrDefault(entity, []);

    private static AuditValueKind KeyKind(Type entity, IProperty property) =>
        entity == typeof(ApplicationUser) ? AuditValueKind.User
        : entity == typeof(IdentityRole) ? AuditValueKind.Role
        : Describe(property).Kind;

    private static AuditField Describe(IProperty property)
    {
        var derived = AuditTrailWriter.IsDerived(property);
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var principals = property.GetContainingForeignKeys().Select(fk => fk.PrincipalEntityType.ClrType).ToList();
        var name = property.Name;
        AuditValueKind kind;
        if (principals.Contains(typeof(Division)) || (type == typeof(int) && name.EndsWith("DivisionId", StringComparison.Ordinal)))
        {
            kind = AuditValueKind.Division;
        }
        else if (principals.Contains(typeof(ApplicationUser))
                 || (type == typeof(string) && (name.EndsWith("UserId", StringComparison.Ordinal) || UserIdNames.Contains(name))))
        {
            kind = AuditValueKind.User;
        }
        else if (principals.Contains(typeof(IdentityRole)))
        {
            kind = AuditValueKind.Role;
        }
        else if (type.IsEnum)
        {
            return new AuditField(AuditValueKind.Enum, type.Name, derived);
        }
        else
        {
            kind = type switch
            {
                _ when type == typeof(bool) => AuditValueKind.Boolean,
                _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => AuditValueKind.Instant,
                _ when type == typeof(DateOnly) => AuditValueKind.Date,
                _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal) || type == typeof(double) => AuditValueKind.Number,
                _ => AuditValueKind.Text,
            };
        }

        return new AuditField(kind, null, derived);
    }
}
