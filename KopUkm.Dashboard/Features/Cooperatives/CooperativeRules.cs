using System.Text;
using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Cooperatives;

/// <summary>
/// The data rules for a cooperative record, pure and clocked (today is passed in, in WIB). Each broken rule is a
/// resource key tied to its field, so the form shows it beside the input in the user's language.
/// </summary>
public static class CooperativeRules
{
    /// <summary>UU 6/2023: a primary cooperative needs at least 9 founding members, a secondary one 3 cooperatives.</summary>
    public const int MinimumPrimaryMembers = 9;

    public const int MinimumSecondaryMembers = 3;

    public static List<CommandError> Validate(CooperativeForm form, DateOnly todayWib)
    {
        var errors = new List<CommandError>();
        void Add(string field, string key, params object[] args) => errors.Add(new CommandError(field, key, args));

        if (string.IsNullOrWhiteSpace(form.Name))
        {
            Add(nameof(form.Name), "Validation.Required");
        }
        else if (form.Name.Trim().Length > 200)
        {
            Add(nameof(form.Name), "Validation.MaxLength", 200);
        }

        if (form.RegionId <= 0)
        {
            Add(nameof(form.RegionId), "Validation.Required");
        }

        if (!string.IsNullOrWhiteSpace(form.Nib) && !IsDigits(form.Nib.Trim(), exactLength: 13))
        {
            Add(nameof(form.Nib), "Cooperatives.NibFormat");
        }

        if (!string.IsNullOrWhiteSpace(form.Nik) && (!IsDigits(form.Nik.Trim()) || form.Nik.Trim().Length > 30))
        {
            Add(nameof(form.Nik), "Cooperatives.NikFormat");
        }

        if (!string.IsNullOrWhiteSpace(form.Phone) && !PhoneNumbers.IsValid(form.Phone))
        {
            Add(nameof(form.Phone), "Validation.Phone");
        }

        if (!string.IsNullOrWhiteSpace(form.Email) && !EmailAddresses.IsValid(form.Email))
        {
            Add(nameof(form.Email), "Validation.Email");
        }

        if (form.FoundedOn > todayWib)
        {
            Add(nameof(form.FoundedOn), "Validation.NotInFuture");
        }

        if (form.DeedDate > todayWib)
        {
            Add(nameof(form.DeedDate), "Validation.NotInFuture");
        }

        if (form.AhuDecreeDate > todayWib)
        {
            Add(nameof(form.AhuDecreeDate), "Validation.NotInFuture");
        }
        else if (form.AhuDecreeDate is { } ahu && form.DeedDate is { } deed && ahu < deed)
        {
            Add(nameof(form.AhuDecreeDate), "Cooperatives.AhuBeforeDeed");
        }

        if (form.NikCertificateDate > todayWib)
        {
            Add(nameof(form.NikCertificateDate), "Validation.NotInFuture");
        }

        var minimum = form.Level == CooperativeLevel.Primer ? MinimumPrimaryMembers : MinimumSecondaryMembers;
        if (form.MemberCount < minimum)
        {
            Add(nameof(form.MemberCount), form.Level == CooperativeLevel.Primer ? "Cooperatives.PrimaryMembers" : "Cooperatives.SecondaryMembers", minimum);
        }

        if (form.LastRatYear is { } rat && (rat < 1945 || rat > todayWib.Year))
        {
            Add(nameof(form.LastRatYear), "Validation.Range", 1945, todayWib.Year);
        }

        return errors;
    }

    /// <summary>
    /// The key for "is this the same cooperative?": upper case, the words "KOPERASI"/"KOP" and punctuation removed,
    /// spaces collapsed. "Koperasi Simpan Pinjam  Maju-Jaya" and "KSP Maju Jaya" stay different on purpose: only
    /// spelling noise is ignored, never abbreviations.
    /// </summary>
    public static string NormalizeName(string name)
    {
        var cleaned = new StringBuilder(name.Length);
        foreach (var ch in name.ToUpperInvariant())
        {
            cleaned.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("KOPERASI" or "KOP"));
        return string.Join(' ', words);
    }

    private static bool IsDigits(string text, int? exactLength = null) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (exactLength is null || text.Length == exactLength);
}
