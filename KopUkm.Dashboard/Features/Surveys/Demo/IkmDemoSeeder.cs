using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Surveys.Demo;

/// <summary>
/// A year of demo survey answers: every demo request resolved before the demo day gets its survey, about three in five
/// are answered within a few days. Each division has its own level of service (by its place in the code order) so the
/// office's results land in every band somewhere, with one weaker element per division and a slow improvement over
/// the year. The same seed, tickets and day give the same answers.
/// </summary>
public sealed class IkmDemoSeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IDemoSeeder, IScaleSeeder
{
    public const int DefaultSeed = 2026;

    /// <summary>The mean score a division's answers centre on, by the division's place in code order: bands A, B, C, D, B, A, C.</summary>
    private static readonly double[] DivisionMeans = [3.75, 3.3, 2.85, 2.25, 3.4, 3.65, 2.95];

    private static readonly string[] Suggestions =
    [
        "Mohon persyaratan dijelaskan lebih sederhana di situs web.",
        "Petugas ramah dan membantu, terima kasih.",
        "Waktu tunggu di loket masih cukup lama.",
        "Ruang tunggu perlu kursi tambahan dan pendingin ruangan.",
        "Informasi status permohonan sebaiknya dikirim lewat WhatsApp.",
        "Prosedur sudah jelas, pertahankan.",
        "Pengaduan saya dijawab cepat, sangat puas.",
        "Mohon jam layanan diperpanjang pada hari Jumat.",
        "Formulir daring kadang sulit dibuka dari ponsel.",
        "Hasil layanan sesuai dengan yang dijanjikan.",
    ];

    int IDemoSeeder.Order => 60;

    string IDemoSeeder.Switch => "Demo:SeedSurveys";

    int IScaleSeeder.Order => 60;

    async Task<DemoSeedReport> IDemoSeeder.SeedDemoAsync(int? seed, CancellationToken ct)
    {
        var (surveys, answers) = await SeedAsync(seed ?? DefaultSeed, ct);
        return surveys == 0 ? new("Cli.DemoSurveysExist") : new("Cli.DemoSurveysSeeded", surveys, answers);
    }

    /// <summary>The scale seeding measures ticket volumes; survey answers are left out of it.</summary>
    Task<IReadOnlyDictionary<string, int>> IScaleSeeder.SeedScaleAsync(DemoScale scale, int seed, IProgress<DemoSeedProgress>? progress, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["IkmSurveys"] = 0 });

    /// <summary>Adds the surveys when there are none yet; returns how many surveys and answers were written.</summary>
    public async Task<(int Surveys, int Answers)> SeedAsync(int seed = DefaultSeed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<IkmSurvey>().AnyAsync(ct))
        {
            return (0, 0);
        }

        var asOf = DemoDay.AsOfUtc(clock);
        var from = asOf.AddDays(-365);
        var tickets = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ResolvedAtUtc != null && t.ResolvedAtUtc >= from && t.ResolvedAtUtc < asOf)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.ServiceTypeId, t.DivisionId, ResolvedAtUtc = t.ResolvedAtUtc!.Value })
            .ToListAsync(ct);
        var divisionOrder = await db.Set<Organization.Division>().AsNoTracking().OrderBy(d => d.Code).Select(d => d.Id).ToListAsync(ct);
        var random = new Random(seed);
        var answered = 0;
        var rows = new List<IkmSurvey>(tickets.Count);
        foreach (var t in tickets)
        {
            var survey = new IkmSurvey
            {
                TicketId = t.Id,
                ServiceTypeId = t.ServiceTypeId,
                DivisionId = t.DivisionId,
                InvitedAtUtc = t.ResolvedAtUtc,
                ExpiresAtUtc = t.ResolvedAtUtc + IkmRules.LinkLifetime,
            };
            var answeredAt = t.ResolvedAtUtc.AddHours(2 + (random.NextDouble() * 24 * 6));
            var answers = random.NextDouble() < 0.6;
            if (answers && answeredAt < asOf)
            {
                var place = Math.Max(0, divisionOrder.IndexOf(t.DivisionId));
                var mean = DivisionMeans[place % DivisionMeans.Length];
                // A slow improvement over the year: up to +0.25 by the demo day.
                var improvement = 0.25 * (1 - ((asOf - t.ResolvedAtUtc).TotalDays / 365));
                var weak = (place % IkmElements.Count) + 1;
                var scores = IkmElements.All.Select(e =>
                {
                    var centre = mean + improvement - (e == weak ? 0.6 : 0) - (e == 3 ? 0.2 : 0);
                    var value = (int)Math.Round(centre + ((random.NextDouble() - 0.5) * 1.4), MidpointRounding.AwayFromZero);
                    return Math.Clamp(value, 1, 4);
                }).ToArray();
                survey.SetScores(scores);
                survey.AnsweredAtUtc = answeredAt;
                if (random.NextDouble() < 0.3)
                {
                    survey.Suggestion = Suggestions[random.Next(Suggestions.Length)];
                }

                survey.Gender = random.NextDouble() < 0.5 ? IkmGender.LakiLaki : IkmGender.Perempuan;
                survey.AgeBand = (IkmAgeBand)random.Next(1, 6);
                survey.Education = (IkmEducation)random.Next(1, 7);
                survey.Occupation = random.NextDouble() < 0.6 ? IkmOccupation.PelakuUsaha : (IkmOccupation)random.Next(2, 7);
                answered++;
            }

            rows.Add(survey);
        }

        foreach (var batch in rows.Chunk(1000))
        {
            db.Set<IkmSurvey>().AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return (rows.Count, answered);
    }
}
