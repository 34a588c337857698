using System.Globalization;
using KopUkm.Dashboard.Features.Organization;
using static KopUkm.Dashboard.Features.Tickets.Demo.DemoTicketWords;

namespace KopUkm.Dashboard.Features.Tickets.Demo;

/// <summary>
/// The people and businesses who ask the office for help: Indonesian names, small businesses named the way Jambi's
/// sellers name them ("Keripik Tempe Bu Nur", "UD Berkah Jaya"), mobile numbers, a NIB for about 40%. Some come
/// back with a new request, as regular clients do.
/// </summary>
internal sealed class DemoApplicantGenerator(Random rng, IReadOnlyList<Region> regions)
{
    private const double ReturningShare = 0.12;

    private readonly List<DemoApplicant> known = [];
    private readonly int[] regionWeights = [.. regions.Select(r => RegionWeights.GetValueOrDefault(r.Code, 5))];

    /// <summary>An applicant for a request of the given service: a returning one now and then, otherwise a new one.</summary>
    public DemoApplicant Next(string serviceCode, TicketChannel channel)
    {
        var cooperative = serviceCode is "KONS-KOP" or "DATA-KOP";
        if (known.Count > 50 && rng.NextDouble() < ReturningShare)
        {
            var returning = known[rng.Next(known.Count)];
            if (returning.IsCooperative == cooperative)
            {
                return channel == TicketChannel.Email && returning.Email.Length == 0 ? returning with { Email = Email(returning.Name) } : returning;
            }
        }

        var applicant = Create(serviceCode, channel, cooperative);
        known.Add(applicant);
        return applicant;
    }

    private DemoApplicant Create(string serviceCode, TicketChannel channel, bool cooperative)
    {
        var female = rng.NextDouble() < 0.55;
        var first = Pick(female ? FemaleNames : MaleNames);
        var name = rng.NextDouble() < 0.8 ? $"{first} {Pick(FamilyNames)}" : first;
        var honorific = female ? (rng.NextDouble() < 0.6 ? "Bu" : "Ibu") : "Pak";
        // Halal certification and marketing are about goods, so those requests come from makers, not workshops.
        var (business, product) = cooperative ? Cooperative() : Business(first, honorific, makesGoods: serviceCode is "HALAL" or "PEMASARAN");
        if (serviceCode == "INFO-PUBLIK" || (serviceCode == "PENGADUAN" && rng.NextDouble() < 0.4))
        {
            // Students, journalists and citizens ask for information or complain without a business of their own.
            business = "";
        }

        var size = business.Length == 0 || (cooperative && rng.NextDouble() < 0.7)
            ? SmeSize.BelumDiketahui
            : Weighted([(SmeSize.Mikro, 70), (SmeSize.Kecil, 14), (SmeSize.Menengah, 3), (SmeSize.BelumDiketahui, 13)]);
        var regionId = rng.NextDouble() < 0.02 ? (int?)null : regions[Weighted(regionWeights)].Id;
        return new DemoApplicant(
            name,
            business,
            product,
            Phone(),
            channel == TicketChannel.Email || rng.NextDouble() < 0.3 ? Email(name) : "",
            business.Length > 0 && rng.NextDouble() < 0.4 ? $"{rng.Next(1, 10)}{rng.NextInt64(0, 1_000_000_000_000):D12}" : null,
            regionId,
            size,
            cooperative);
    }

    private (string Business, string Product) Business(string owner, string honorific, bool makesGoods)
    {
        var roll = rng.NextDouble();
        if (makesGoods && roll is >= 0.65 and < 0.85)
        {
            roll -= 0.65;
        }

        if (roll < 0.3)
        {
            var product = Pick(Products);
            return ($"{product} {honorific} {owner}", product.ToLowerInvariant());
        }

        if (roll < 0.45)
        {
            var product = Pick(LocalProducts);
            return ($"{product} {honorific} {owner}", LowerFirst(product));
        }

        if (roll < 0.65)
        {
            var product = rng.NextDouble() < 0.5 ? Pick(Products).ToLowerInvariant() : LowerFirst(Pick(LocalProducts));
            return ($"{Pick(LegalForms)} {Pick(WordFirst)} {Pick(WordSecond)}", product);
        }

        if (roll < 0.85)
        {
            var trade = Pick(Trades);
            var business = rng.NextDouble() < 0.5 ? $"{trade} {Pick(WordFirst)} {Pick(WordSecond)}" : $"{trade} {honorific} {owner}";
            return (business, trade.ToLowerInvariant());
        }

        var made = Pick(Products);
        return ($"{made} {Pick(WordFirst)}", made.ToLowerInvariant());
    }

    private (string Business, string Product) Cooperative() =>
        ($"{Pick(CooperativeKinds)} {Pick(WordFirst)} {Pick(WordSecond)}", Pick(Products).ToLowerInvariant());

    /// <summary>Mobile numbers as people write them, with or without dashes; a few applicants leave none.</summary>
    private string Phone()
    {
        if (rng.NextDouble() < 0.03)
        {
            return "";
        }

        var prefix = Pick(MobilePrefixes);
        var (a, b) = (rng.Next(0, 10_000), rng.Next(0, 10_000));
        return rng.NextDouble() < 0.5 ? $"{prefix}-{a:D4}-{b:D4}" : $"{prefix}{a:D4}{b:D4}";
    }

    private string Email(string name)
    {
        var words = name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var local = string.Join(rng.NextDouble() < 0.5 ? "." : "", words);
        var suffix = rng.NextDouble() < 0.6 ? rng.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "";
        return $"{local}{suffix}@{Pick(EmailDomains)}";
    }

    private static string LowerFirst(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    private string Pick(string[] items) => items[rng.Next(items.Length)];

    private int Weighted(int[] weights)
    {
        var roll = rng.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return weights.Length - 1;
    }

    private T Weighted<T>((T Item, int Weight)[] items) => items[Weighted([.. items.Select(i => i.Weight)])].Item;
}

/// <summary>Who asked: the same applicant may come back with another request.</summary>
internal sealed record DemoApplicant(
    string Name,
    string BusinessName,
    string Product,
    string Phone,
    string Email,
    string? Nib,
    int? RegionId,
    SmeSize Size,
    bool IsCooperative);
