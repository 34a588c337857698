using KopUkm.Dashboard.Common;
using System.Globalization;
using KopUkm.Dashboard.Features.Calendar;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Finds the existing cooperative an imported row describes: by NIK, then by NIB, and — only for a row with
/// neither — by name within the same region, so that re-importing a list without identifiers adds nothing twice.
/// A row whose NIK and NIB belong to two different cooperatives, or that names a cooperative an earlier row
/// already claimed, is rejected.
/// The lookups hold the records as they were before the import, so earlier rows cannot change what later rows match.
/// A file is matched a batch at a time (<see cref="Use"/>), but which cooperative each row claimed is remembered for
/// the whole file.
/// </summary>
internal sealed class CooperativeImportMatcher
{
    private readonly Dictionary<int, int> claimedBy = [];
    private Dictionary<string, Cooperative> byNik = [];
    private Dictionary<string, Cooperative> byNib = [];
    private ILookup<(int RegionId, string Name), Cooperative> byName = Array.Empty<Cooperative>().ToLookup(c => (c.RegionId, c.NormalizedName));

    /// <summary>The records the next batch's rows may match: every one their NIKs, NIBs or names find.</summary>
    public void Use(IReadOnlyList<Cooperative> candidates)
    {
        byNik = candidates.Where(c => c.Nik is not null).ToDictionary(c => c.Nik!, StringComparer.Ordinal);
        byNib = candidates.Where(c => c.Nib is not null).ToDictionary(c => c.Nib!, StringComparer.Ordinal);
        byName = candidates.ToLookup(c => (c.RegionId, c.NormalizedName));
    }

    /// <summary>The matched cooperative (null: a new one), or the reasons the row cannot be applied.</summary>
    public (Cooperative? Target, IReadOnlyList<CsvLineError> Errors) Match(CooperativeImportRow row)
    {
        var nik = row.Form.Nik.Trim();
        var nib = row.Form.Nib.Trim();
        var errors = new List<CsvLineError>();
        var nikOwner = nik.Length > 0 ? byNik.GetValueOrDefault(nik) : null;
        var nibOwner = nib.Length > 0 ? byNib.GetValueOrDefault(nib) : null;
        var target = nikOwner ?? nibOwner;

        // The NIK names one cooperative and the NIB another: which one the row means is not ours to guess.
        if (nikOwner is not null && nibOwner is not null && nikOwner != nibOwner)
        {
            errors.Add(new CsvLineError(row.Line, "CooperativeImport.IdentifiersDisagree", nik));
        }
        else if (nik.Length == 0 && nib.Length == 0)
        {
            var sameName = byName[(row.Form.RegionId, CooperativeRules.NormalizeName(row.Form.Name))].ToList();
            if (sameName.Count > 1)
            {
                errors.Add(new CsvLineError(row.Line, "CooperativeImport.AmbiguousName", row.Form.Name.Trim()));
            }
            else
            {
                target = sameName.FirstOrDefault();
            }
        }

        if (errors.Count == 0 && target is not null && !claimedBy.TryAdd(target.Id, row.Line))
        {
            errors.Add(new CsvLineError(row.Line, "CooperativeImport.SameCooperativeTwice", claimedBy[target.Id].ToString(CultureInfo.InvariantCulture)));
        }

        return (errors.Count == 0 ? target : null, errors);
    }

    /// <summary>
    /// Lays the file's values over <paramref name="merged"/> (a fresh copy of the existing data) and returns it: only
    /// the columns the file has, and a blank NIK or NIB never erases one already recorded (a list that lacks the
    /// number does not mean it was withdrawn).
    /// </summary>
    public static CooperativeForm Merge(CooperativeForm merged, CooperativeForm incoming, IReadOnlySet<string> columns)
    {
        bool Has(string column) => columns.Contains(column);
        merged.Name = Has(CooperativeCsvFormat.Name) ? incoming.Name : merged.Name;
        merged.Type = Has(CooperativeCsvFormat.Type) ? incoming.Type : merged.Type;
        merged.Pattern = Has(CooperativeCsvFormat.Pattern) ? incoming.Pattern : merged.Pattern;
        merged.Level = Has(CooperativeCsvFormat.Level) ? incoming.Level : merged.Level;
        merged.RegionId = Has(CooperativeCsvFormat.Region) ? incoming.RegionId : merged.RegionId;
        merged.Address = Has(CooperativeCsvFormat.Address) ? incoming.Address : merged.Address;
        merged.ChairName = Has(CooperativeCsvFormat.Chair) ? incoming.ChairName : merged.ChairName;
        merged.Phone = Has(CooperativeCsvFormat.Phone) ? incoming.Phone : merged.Phone;
        merged.Email = Has(CooperativeCsvFormat.Email) ? incoming.Email : merged.Email;
        merged.FoundedOn = Has(CooperativeCsvFormat.FoundedOn) ? incoming.FoundedOn : merged.FoundedOn;
        merged.MemberCount = Has(CooperativeCsvFormat.Members) ? incoming.MemberCount : merged.MemberCount;
        merged.DeedNumber = Has(CooperativeCsvFormat.DeedNumber) ? incoming.DeedNumber : merged.DeedNumber;
        merged.DeedDate = Has(CooperativeCsvFormat.DeedDate) ? incoming.DeedDate : merged.DeedDate;
        merged.AhuDecreeNumber = Has(CooperativeCsvFormat.AhuNumber) ? incoming.AhuDecreeNumber : merged.AhuDecreeNumber;
        merged.AhuDecreeDate = Has(CooperativeCsvFormat.AhuDate) ? incoming.AhuDecreeDate : merged.AhuDecreeDate;
        merged.Nib = string.IsNullOrWhiteSpace(incoming.Nib) ? merged.Nib : incoming.Nib;
        merged.Nik = string.IsNullOrWhiteSpace(incoming.Nik) ? merged.Nik : incoming.Nik;
        merged.ActivityStatus = Has(CooperativeCsvFormat.Status) ? incoming.ActivityStatus : merged.ActivityStatus;
        merged.LastRatYear = Has(CooperativeCsvFormat.LastRat) ? incoming.LastRatYear : merged.LastRatYear;
        return merged;
    }
}
