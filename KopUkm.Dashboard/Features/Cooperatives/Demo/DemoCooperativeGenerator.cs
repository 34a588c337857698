using System.Globalization;
using KopUkm.Dashboard.Features.Organization;
using static KopUkm.Dashboard.Features.Cooperatives.Demo.DemoWords;

namespace KopUkm.Dashboard.Features.Cooperatives.Demo;

/// <summary>
/// Composes the province's demo register: plausible names, identities, dates and meeting history that pass
/// <see cref="CooperativeRules"/>. Everything comes from the given <see cref="Random"/>, so a seed gives the same
/// register every time (for the same regions and day).
/// </summary>
internal sealed class DemoCooperativeGenerator(Random rng, IReadOnlyList<Region> regions, DateOnly todayWib, DateTime nowUtc, int total = DemoCooperativeGenerator.DefaultTotal)
{
    /// <summary>The office's reported figures: 2,071 active and 1,802 inactive, plus a few dozen dissolved.</summary>
    public const int ActiveCount = 2071;

    public const int InactiveCount = 1802;

    public const int DissolvedCount = 36;

    /// <summary>The office's register; a larger register (for load measurements) keeps its proportions.</summary>
    public const int DefaultTotal = ActiveCount + InactiveCount + DissolvedCount;

    // Relative sizes by BPS code: the capital and its neighbour hold the most cooperatives.
    private static readonly Dictionary<string, int> RegionWeights = new()
    {
        ["15.71"] = 17, ["15.05"] = 13, ["15.01"] = 9, ["15.02"] = 9, ["15.09"] = 9, ["15.04"] = 8,
        ["15.03"] = 8, ["15.08"] = 8, ["15.07"] = 8, ["15.06"] = 7, ["15.72"] = 4,
    };

    private static readonly (CooperativeType Type, int Weight)[] TypeWeights =
    [
        (CooperativeType.SimpanPinjam, 38), (CooperativeType.Konsumen, 26), (CooperativeType.Produsen, 16),
        (CooperativeType.Jasa, 11), (CooperativeType.Pemasaran, 9),
    ];

    private readonly Dictionary<int, HashSet<string>> namesByRegion = [];
    private readonly HashSet<string> usedNiks = [];
    private readonly HashSet<string> usedNibs = [];

    public List<Cooperative> Generate()
    {
        var active = (int)Math.Round((double)total * ActiveCount / DefaultTotal);
        var dissolved = (int)Math.Round((double)total * DissolvedCount / DefaultTotal);
        var statuses = Enumerable.Repeat(ActivityStatus.Aktif, active)
            .Concat(Enumerable.Repeat(ActivityStatus.TidakAktif, total - active - dissolved))
            .Concat(Enumerable.Repeat(ActivityStatus.Dibubarkan, dissolved))
            .ToArray();
        rng.Shuffle(statuses);
        return [.. statuses.Select(Create)];
    }

    private Cooperative Create(ActivityStatus status)
    {
        var region = PickRegion();
        var type = Weighted(TypeWeights);
        var level = rng.NextDouble() < 0.012 ? CooperativeLevel.Sekunder : CooperativeLevel.Primer;
        var pattern = rng.NextDouble() < (type == CooperativeType.SimpanPinjam ? 0.22 : 0.04) ? CooperativePattern.Syariah : CooperativePattern.Konvensional;
        var founded = FoundingDate(status);
        var name = UniqueName(region, () => ComposeName(region, type, pattern, level, founded));
        var cooperative = new Cooperative
        {
            Name = name,
            NormalizedName = CooperativeRules.NormalizeName(name),
            Type = type,
            Pattern = pattern,
            Level = level,
            RegionId = region.Id,
            Address = $"Jl. {Pick(Streets)} No. {rng.Next(1, 250)}, Kec. {Pick(Districts.GetValueOrDefault(region.Code) ?? [region.Name])}, {FullName(region)}",
            ChairName = PersonName(),
            ContactPerson = rng.NextDouble() < 0.6 ? PersonName() : "",
            Phone = Phone(region),
            Email = rng.NextDouble() < 0.35 ? Email(name) : "",
            FoundedOn = founded,
            MemberCount = level == CooperativeLevel.Sekunder ? rng.Next(3, 16) : PrimaryMembers(),
            ActivityStatus = status,
            CreatedAtUtc = nowUtc.AddDays(-150 - rng.Next(0, 90)).AddMinutes(-rng.Next(0, 600)),
        };
        SetLegalEntity(cooperative, founded);
        cooperative.Nib = rng.NextDouble() < Share(status, 0.72, 0.47, 0.2) ? UniqueNumber(usedNibs, () => $"{rng.Next(1, 10)}{rng.NextInt64(0, 1_000_000_000_000):D12}") : null;
        cooperative.Nik = rng.NextDouble() < Share(status, 0.9, 0.7, 0.6) ? UniqueNumber(usedNiks, () => $"{RegionDigits(region)}{rng.NextInt64(0, 1_000_000_000_000):D12}") : null;
        cooperative.LastRatYear = LastRatYear(status, founded);
        cooperative.NikCertificateDate = cooperative.Nik is null ? null : CertificateDate(status, founded, cooperative.LastRatYear);
        return cooperative;
    }

    private Region PickRegion() => Weighted([.. regions.Select(r => (r, RegionWeights.GetValueOrDefault(r.Code, 5)))]);

    private static string FullName(Region region) => region.Kind == RegionKind.Kota ? $"Kota {region.Name}" : $"Kabupaten {region.Name}";

    /// <summary>Founding years lean to the 2000s; the youngest (the 2025 village-cooperative wave) are nearly all active.</summary>
    private DateOnly FoundingDate(ActivityStatus status)
    {
        var latest = todayWib.AddDays(-30);
        var (from, to) = Weighted<(int From, int To)>(
        [
            ((1970, 1989), 13), ((1990, 1999), 19), ((2000, 2014), 38), ((2015, latest.Year - 2), 22), ((latest.Year - 1, latest.Year), 8),
        ]);
        var year = rng.Next(from, to + 1);
        if (status != ActivityStatus.Aktif && year >= latest.Year - 2)
        {
            year = rng.Next(1990, latest.Year - 2);
        }

        var first = new DateOnly(year, 1, 1);
        var last = year == latest.Year ? latest : new DateOnly(year, 12, 31);
        return first.AddDays(rng.Next(0, last.DayNumber - first.DayNumber + 1));
    }

    private string UniqueName(Region region, Func<string> compose)
    {
        var used = namesByRegion.TryGetValue(region.Id, out var set) ? set : namesByRegion[region.Id] = [];
        var name = compose();
        for (var attempt = 0; attempt < 30 && used.Contains(CooperativeRules.NormalizeName(name)); attempt++)
        {
            name = compose();
        }

        // Registers do hold "… II" and "… III" where a name was taken; fall back to that.
        var baseName = name;
        for (var n = 2; used.Contains(CooperativeRules.NormalizeName(name)); n++)
        {
            name = $"{baseName} {Roman(n)}";
        }

        used.Add(CooperativeRules.NormalizeName(name));
        return name;
    }

    private string ComposeName(Region region, CooperativeType type, CooperativePattern pattern, CooperativeLevel level, DateOnly founded)
    {
        var syariah = pattern == CooperativePattern.Syariah;
        if (level == CooperativeLevel.Sekunder)
        {
            return syariah
                ? $"Pusat Koperasi Syariah {Pick(IslamicNames)}"
                : rng.Next(5) switch
                {
                    0 => $"Pusat Koperasi Unit Desa {FullName(region)}",
                    1 => $"Pusat Koperasi Pegawai Republik Indonesia {FullName(region)}",
                    2 => $"Pusat Koperasi Kredit {Core()}",
                    3 => $"Gabungan Koperasi {TypeWord(type)} {Core()}",
                    _ => $"Pusat Koperasi {TypeWord(type)} {region.Name}",
                };
        }

        if (founded.Year >= 2025 && type != CooperativeType.SimpanPinjam && rng.NextDouble() < 0.6)
        {
            return region.Kind == RegionKind.Kota ? $"Koperasi Kelurahan Merah Putih {Pick(Villages)}" : $"Koperasi Desa Merah Putih {Pick(Villages)}";
        }

        if (syariah)
        {
            return type switch
            {
                CooperativeType.SimpanPinjam => rng.Next(4) switch
                {
                    0 => $"KSPPS {Pick(IslamicNames)}",
                    1 => $"Koperasi Simpan Pinjam dan Pembiayaan Syariah {Pick(IslamicNames)}",
                    2 => $"KSP Syariah {Pick(IslamicNames)}",
                    _ => $"Koperasi Syariah BMT {Pick(IslamicNames)}",
                },
                CooperativeType.Konsumen when rng.NextDouble() < 0.5 => $"Koperasi Pondok Pesantren {Pick(IslamicNames)}",
                _ => $"Koperasi {TypeWord(type)} Syariah {Pick(IslamicNames)}",
            };
        }

        return type switch
        {
            CooperativeType.SimpanPinjam => rng.Next(20) switch
            {
                < 9 => $"Koperasi Simpan Pinjam {Core()}",
                < 16 => $"KSP {Core()}",
                _ => $"Koperasi Kredit {Core()}",
            },
            CooperativeType.Konsumen => rng.Next(20) switch
            {
                < 6 => $"Koperasi Konsumen {Core()}",
                < 9 => $"Koperasi Konsumen Pegawai Negeri Sipil {Pick(Institutions)} {FullName(region)}",
                < 12 => rng.NextDouble() < 0.5
                    ? $"Koperasi Pegawai Republik Indonesia {Pick(Institutions)} {FullName(region)}"
                    : $"KPRI {Pick(Institutions)} {region.Name}",
                < 14 => $"Koperasi Karyawan {Pick(Companies)}",
                < 16 => $"Koperasi Sekolah {Pick(["SD", "SMP", "SMA", "SMK"])} Negeri {rng.Next(1, 16)} {region.Name}",
                _ => $"Koperasi Wanita {Core()}",
            },
            CooperativeType.Produsen => rng.Next(20) switch
            {
                < 6 => $"Koperasi Produsen {Pick(Commodities)} {Core()}",
                < 9 => $"Koperasi Produsen {Pick(Commodities)} {region.Name}",
                < 14 => $"Koperasi Unit Desa {Core()}",
                < 17 => rng.NextDouble() < 0.5 ? $"Koperasi Tani {Core()}" : $"Koperasi Petani {Pick(Commodities)} {Pick(Villages)}",
                < 19 => $"Koperasi Nelayan {Core()}",
                _ => $"Koperasi Peternak {Core()}",
            },
            CooperativeType.Pemasaran => rng.Next(20) switch
            {
                < 8 => $"Koperasi Pemasaran {Core()}",
                < 15 => $"Koperasi Pemasaran Hasil {Pick(Commodities)} {Core()}",
                _ => $"Koperasi Pemasaran {Pick(Commodities)} {Pick(Villages)}",
            },
            _ => rng.Next(20) switch
            {
                < 12 => $"Koperasi Jasa {Pick(Services)} {Core()}",
                < 16 => $"Koperasi {Pick(Services)} {Core()}",
                _ => $"Koperasi Jasa {Pick(Services)} {Pick(Villages)}",
            },
        };
    }

    private string Core()
    {
        if (rng.NextDouble() < 0.12)
        {
            return Pick(LocalNames);
        }

        var first = Pick(NameFirst);
        var second = Pick(NameSecond);
        while (first.Contains(second, StringComparison.Ordinal))
        {
            second = Pick(NameSecond);
        }

        return $"{first} {second}";
    }

    private static string TypeWord(CooperativeType type) => type switch
    {
        CooperativeType.SimpanPinjam => "Simpan Pinjam",
        _ => type.ToString(),
    };

    private string PersonName()
    {
        var female = rng.NextDouble() < 0.3;
        var first = Pick(female ? FemaleNames : MaleNames);
        var needsSecond = first is "Ahmad" or "Muhammad" or "Abdul" or "Siti" or "Sri" or "Nur" || rng.NextDouble() < 0.75;
        var name = needsSecond ? $"{first} {Pick(FamilyNames)}" : first;
        if (rng.NextDouble() < 0.1)
        {
            name = (female ? "Hj. " : "H. ") + name;
        }

        return rng.NextDouble() < 0.2 ? name + Pick(Degrees) : name;
    }

    /// <summary>Mostly mobile numbers written as people write them, some office landlines, a few none.</summary>
    private string Phone(Region region)
    {
        var kind = rng.NextDouble();
        if (kind < 0.75)
        {
            var prefix = Pick(MobilePrefixes);
            var (a, b) = (rng.Next(0, 10_000), rng.Next(0, 10_000));
            return rng.Next(10) switch
            {
                < 5 => $"{prefix}-{a:D4}-{b:D4}",
                < 9 => $"{prefix}{a:D4}{b:D4}",
                _ => $"+62{prefix[1..]}{a:D4}{b:D4}",
            };
        }

        return kind < 0.95 ? $"{AreaCodes.GetValueOrDefault(region.Code, "0741")}-{rng.Next(100_000, 1_000_000)}" : "";
    }

    private string Email(string name)
    {
        var words = CooperativeRules.NormalizeName(name).ToLowerInvariant().Split(' ');
        var slug = string.Concat(words.TakeLast(2));
        slug = slug.Length > 24 ? slug[..24] : slug;
        var domain = rng.Next(10) switch
        {
            < 7 => "gmail.com",
            < 9 => "yahoo.co.id",
            _ => "yahoo.com",
        };
        return $"kop.{slug}{(rng.NextDouble() < 0.3 ? rng.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "")}@{domain}";
    }

    /// <summary>9 to 2,500, skewed small: the median cooperative has around 90 members.</summary>
    private int PrimaryMembers() =>
        Math.Clamp((int)Math.Round(CooperativeRules.MinimumPrimaryMembers * Math.Pow(2500.0 / CooperativeRules.MinimumPrimaryMembers, Math.Pow(rng.NextDouble(), 1.3))), CooperativeRules.MinimumPrimaryMembers, 2500);

    /// <summary>A notarial deed on the founding date and its approval weeks later; some old records lack both.</summary>
    private void SetLegalEntity(Cooperative cooperative, DateOnly founded)
    {
        if (rng.NextDouble() < 0.08)
        {
            return;
        }

        cooperative.DeedNumber = rng.Next(1, 80).ToString(CultureInfo.InvariantCulture);
        cooperative.DeedDate = founded;
        var approved = founded.AddDays(rng.Next(14, 121));
        if (approved > todayWib)
        {
            return;
        }

        cooperative.AhuDecreeDate = approved;
        cooperative.AhuDecreeNumber = approved.Year >= 2018
            ? $"AHU-{rng.Next(1, 30_000):D7}.AH.01.26.TAHUN {approved.Year}"
            : $"{rng.Next(1, 1000)}/BH/{Roman(approved.Month)}/{approved.Year}";
    }

    /// <summary>
    /// The certificate follows an RAT (it needs one held): usually issued in the year of the last RAT, sometimes not
    /// renewed since an earlier one; none without any RAT on record.
    /// </summary>
    private DateOnly? CertificateDate(ActivityStatus status, DateOnly founded, int? lastRatYear)
    {
        if (lastRatYear is not { } rat || rng.NextDouble() < (status == ActivityStatus.Aktif ? 0.03 : 0.2))
        {
            return null;
        }

        var year = rng.NextDouble() < (status == ActivityStatus.Aktif ? 0.92 : 0.6) ? rat : rat - rng.Next(1, 4);
        var first = new DateOnly(year, 3, 1);
        var date = first.AddDays(rng.Next(0, 290));
        if (date < founded)
        {
            date = founded.AddDays(rng.Next(30, 200));
        }

        return date > todayWib ? null : date;
    }

    /// <summary>Active cooperatives mostly held this or last year's RAT; inactive ones stopped years ago or never reported.</summary>
    private int? LastRatYear(ActivityStatus status, DateOnly founded)
    {
        var year = todayWib.Year;
        var roll = rng.NextDouble();
        int? rat = status switch
        {
            ActivityStatus.Aktif => roll switch
            {
                < 0.40 => year,
                < 0.75 => year - 1,
                < 0.88 => year - 2,
                < 0.97 => year - rng.Next(3, 7),
                _ => null,
            },
            ActivityStatus.TidakAktif => roll switch
            {
                < 0.35 => null,
                < 0.92 => rng.Next(Math.Min(founded.Year, year - 3), year - 2),
                < 0.97 => year - 2,
                _ => year - 1,
            },
            _ => roll < 0.4 ? null : rng.Next(Math.Min(founded.Year, year - 3), year - 2),
        };
        return rat is { } r && r < founded.Year ? founded.Year : rat;
    }

    private static double Share(ActivityStatus status, double active, double inactive, double dissolved) => status switch
    {
        ActivityStatus.Aktif => active,
        ActivityStatus.TidakAktif => inactive,
        _ => dissolved,
    };

    private static string RegionDigits(Region region)
    {
        var digits = new string([.. region.Code.Where(char.IsAsciiDigit)]);
        return digits.Length >= 4 ? digits[..4] : digits.PadRight(4, '0');
    }

    private static string UniqueNumber(HashSet<string> used, Func<string> next)
    {
        var number = next();
        while (!used.Add(number))
        {
            number = next();
        }

        return number;
    }

    private string Pick(string[] items) => items[rng.Next(items.Length)];

    private T Weighted<T>(IReadOnlyList<(T Item, int Weight)> items)
    {
        var roll = rng.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return items[^1].Item;
    }

    private static string Roman(int number) => number switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
        11 => "XI", 12 => "XII",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };
}
