using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>
/// The satisfaction survey (IKM, PermenPANRB 14/2017) of one request: created when the ticket is resolved (or when an
/// officer prints the walk-in link), answered at most once, open for <see cref="IkmRules.LinkLifetime"/>. The nine
/// scores are 1–4 in the order of <see cref="IkmElements.All"/>. No name, contact or account is kept with the answer.
/// </summary>
public sealed class IkmSurvey : IVersioned
{
    public int Id { get; set; }

    /// <summary>The request the survey is about: one survey per request.</summary>
    public int TicketId { get; set; }

    /// <summary>The service and owning division at the moment of invitation, so results are grouped as they were served.</summary>
    public int ServiceTypeId { get; set; }

    public int DivisionId { get; set; }

    public DateTime InvitedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    public int? Score1 { get; set; }

    public int? Score2 { get; set; }

    public int? Score3 { get; set; }

    public int? Score4 { get; set; }

    public int? Score5 { get; set; }

    public int? Score6 { get; set; }

    public int? Score7 { get; set; }

    public int? Score8 { get; set; }

    public int? Score9 { get; set; }

    public string? Suggestion { get; set; }

    public IkmGender? Gender { get; set; }

    public IkmAgeBand? AgeBand { get; set; }

    public IkmEducation? Education { get; set; }

    public IkmOccupation? Occupation { get; set; }

    public long Version { get; set; }

    /// <summary>The nine scores in element order; only meaningful once answered.</summary>
    public int[] Scores() => [Score1 ?? 0, Score2 ?? 0, Score3 ?? 0, Score4 ?? 0, Score5 ?? 0, Score6 ?? 0, Score7 ?? 0, Score8 ?? 0, Score9 ?? 0];

    public void SetScores(IReadOnlyList<int> scores)
    {
        Score1 = scores[0];
        Score2 = scores[1];
        Score3 = scores[2];
        Score4 = scores[3];
        Score5 = scores[4];
        Score6 = scores[5];
        Score7 = scores[6];
        Score8 = scores[7];
        Score9 = scores[8];
    }
}

public enum IkmGender
{
    LakiLaki = 1,
    Perempuan = 2,
}

public enum IkmAgeBand
{
    Under20 = 1,
    From20To29 = 2,
    From30To39 = 3,
    From40To49 = 4,
    From50 = 5,
}

public enum IkmEducation
{
    SdKebawah = 1,
    Smp = 2,
    Sma = 3,
    D1D3 = 4,
    S1 = 5,
    S2Keatas = 6,
}

public enum IkmOccupation
{
    PelakuUsaha = 1,
    PengurusKoperasi = 2,
    PnsTniPolri = 3,
    PegawaiSwasta = 4,
    PelajarMahasiswa = 5,
    Lainnya = 6,
}

/// <summary>
/// The "rencana tindak lanjut" for a weak element: what will be done, by which division, by when, and how far it is.
/// </summary>
public sealed class IkmFollowUp : IVersioned
{
    public int Id { get; set; }

    /// <summary>The period the results came from (<see cref="IkmPeriod.Key"/>, e.g. 2026-S2).</summary>
    public required string PeriodKey { get; set; }

    /// <summary>The element, 1–9 (<see cref="IkmElements.All"/>).</summary>
    public int Element { get; set; }

    public required string Action { get; set; }

    public int OwnerDivisionId { get; set; }

    public DateOnly DueDate { get; set; }

    public IkmFollowUpStatus Status { get; set; } = IkmFollowUpStatus.Direncanakan;

    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedByName { get; set; }

    public long Version { get; set; }
}

public enum IkmFollowUpStatus
{
    Direncanakan = 1,
    Berjalan = 2,
    Selesai = 3,
    Dibatalkan = 4,
}
