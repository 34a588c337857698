using System.Globalization;
using System.Text;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>
/// What a display name may be, wherever it is set (the user's own profile, the administrator's users page,
/// <c>create-admin</c>): not empty, not a name the product uses for itself ("Sistem", "System", "Anonim", a job's
/// name in the audit trail — in any supported language), and not the name of another active user. Names are compared
/// without regard to case, spacing or invisible characters, so "SISTEM", "Sis tem" and "Budi  Santoso" count as taken.
/// A name an account already has is accepted again, so an edit of something else is never held up by it.
/// </summary>
public sealed class DisplayNames(IStringLocalizer<SharedResource> L)
{
    public const int MaxLength = 200;

    private readonly Lazy<HashSet<string>> reserved = new(() => ReservedNames(L));

    /// <summary>
    /// The reason <paramref name="name"/> may not be used, as a field error under <paramref name="field"/>, or null
    /// when it may. <paramref name="userId"/> is the account being named (null for a new one).
    /// </summary>
    public async Task<CommandError?> CheckAsync(AppDbContext db, string? name, string? userId, string field, CancellationToken ct = default)
    {
        var key = Key(name);
        if (key.Length == 0)
        {
            return new CommandError(field, "Validation.Required", []);
        }

        if (name!.Trim().Length > MaxLength)
        {
            return new CommandError(field, "Account.DisplayNameTooLong", [MaxLength]);
        }

        // An account keeping the name it has is not held up by a rule that came later (or a clash made elsewhere).
        if (userId is not null && Key(await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(ct)) == key)
        {
            return null;
        }

        if (reserved.Value.Contains(key))
        {
            return new CommandError(field, "Account.DisplayNameReserved", []);
        }

        // Few hundred accounts at most: compared here, since SQL's lower() knows ASCII only.
        var others = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != userId)
            .Select(u => u.FullName)
            .ToListAsync(ct);
        return others.Any(other => Key(other) == key)
            ? new CommandError(field, "Account.DisplayNameTaken", [])
            : null;
    }

    /// <summary>The name as compared: lower case, without whitespace or invisible (format) characters.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static HashSet<string> ReservedNames(IStringLocalizer<SharedResource> L)
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            Key(UserContext.System.DisplayName),
            Key(UserContext.Anonymous.DisplayName),
            Key("System"),
            Key("Anonymous"),
        };
        var original = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in LocalizationSetup.SupportedCultures)
            {
                CultureInfo.CurrentUICulture = culture;
                foreach (var text in L.GetAllStrings(includeParentCultures: true)
                             .Where(s => s.Name == "Audit.System" || s.Name.StartsWith("Audit.Job.", StringComparison.Ordinal)))
                {
                    names.Add(Key(text.Value));
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }

        return names;
    }
}
