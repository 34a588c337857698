using System.Globalization;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// The office's cooperative list layout, shared by the import template, the import itself and the export — so an
/// exported file can be edited and imported again.
/// </summary>
public static class CooperativeCsvFormat
{
    public const string Name = "Nama Koperasi";
    public const string Type = "Jenis";
    public const string Pattern = "Pola";
    public const string Level = "Jenjang";
    public const string Region = "Kabupaten/Kota";
    public const string Address = "Alamat";
    public const string Chair = "Ketua";
    public const string Phone = "Telepon";
    public const string Email = "Email";
    public const string FoundedOn = "Tanggal Berdiri";
    public const string Members = "Jumlah Anggota";
    public const string DeedNumber = "Nomor Akta";
    public const string DeedDate = "Tanggal Akta";
    public const string AhuNumber = "Nomor SK AHU";
    public const string AhuDate = "Tanggal SK AHU";
    public const string Nib = "NIB";
    public const string Nik = "NIK";
    public const string Status = "Status";
    public const string LastRat = "Tahun RAT Terakhir";

    public static IReadOnlyList<string> Header { get; } =
        [Name, Type, Pattern, Level, Region, Address, Chair, Phone, Email, FoundedOn, Members, DeedNumber, DeedDate, AhuNumber, AhuDate, Nib, Nik, Status, LastRat];

    /// <summary>The position of a column in <see cref="Header"/>, or -1; header names match ignoring case.</summary>
    public static int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Columns a row cannot do without.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = [Name, Type, Region, Members];

    public static IReadOnlyDictionary<CooperativeType, string> TypeNames { get; } = new Dictionary<CooperativeType, string>
    {
        [CooperativeType.SimpanPinjam] = "Simpan Pinjam",
        [CooperativeType.Konsumen] = "Konsumen",
        [CooperativeType.Produsen] = "Produsen",
        [CooperativeType.Pemasaran] = "Pemasaran",
        [CooperativeType.Jasa] = "Jasa",
    };

    public static IReadOnlyDictionary<CooperativePattern, string> PatternNames { get; } = new Dictionary<CooperativePattern, string>
    {
        [CooperativePattern.Konvensional] = "Konvensional",
        [CooperativePattern.Syariah] = "Syariah",
    };

    public static IReadOnlyDictionary<CooperativeLevel, string> LevelNames { get; } = new Dictionary<CooperativeLevel, string>
    {
        [CooperativeLevel.Primer] = "Primer",
        [CooperativeLevel.Sekunder] = "Sekunder",
    };

    public static IReadOnlyDictionary<ActivityStatus, string> StatusNames { get; } = new Dictionary<ActivityStatus, string>
    {
        [ActivityStatus.Aktif] = "Aktif",
        [ActivityStatus.TidakAktif] = "Tidak Aktif",
        [ActivityStatus.Dibubarkan] = "Dibubarkan",
    };

    public static string[] ToRow(Cooperative c, string regionName) =>
    [
        c.Name,
        TypeNames[c.Type],
        PatternNames[c.Pattern],
        LevelNames[c.Level],
        regionName,
        c.Address,
        c.ChairName,
        c.Phone,
        c.Email,
        Date(c.FoundedOn),
        c.MemberCount.ToString(CultureInfo.InvariantCulture),
        c.DeedNumber,
        Date(c.DeedDate),
        c.AhuDecreeNumber,
        Date(c.AhuDecreeDate),
        c.Nib ?? "",
        c.Nik ?? "",
        StatusNames[c.ActivityStatus],
        c.LastRatYear?.ToString(CultureInfo.InvariantCulture) ?? "",
    ];

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
