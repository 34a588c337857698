using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Cooperatives.Cases;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Localization;

namespace KopUkm.Dashboard.Features.Cooperatives.Demo;

/// <summary>
/// Registration cases in every stage over the last four months, each with the history that led there: submission,
/// assignment, stage changes with their reasons and document checks on working days. The checklist agrees with the
/// stage (a case past document verification has every required document verified) and the due time is the one the
/// stage clock computes from that history, so some open cases are overdue.
/// </summary>
internal sealed class DemoCaseGenerator(
    Random rng,
    DateTime nowUtc,
    WorkingCalendar calendar,
    IReadOnlyDictionary<CaseStage, int> targets,
    DemoStaff? officer,
    DemoStaff? head,
    int count = DemoCaseGenerator.DefaultCount)
{
    /// <summary>The demo's cases: the stage counts below.</summary>
    public const int DefaultCount = 200;

    /// <summary>About four months of working days: the oldest submission is no further back.</summary>
    private const int HistoryWorkingDays = 85;

    private static readonly (CaseStage Stage, int Count)[] StageCounts =
    [
        (CaseStage.Diajukan, 28), (CaseStage.VerifikasiDokumen, 40), (CaseStage.PerluPerbaikan, 26),
        (CaseStage.VerifikasiLapangan, 30), (CaseStage.Disetujui, 46), (CaseStage.Ditolak, 30),
    ];

    private static readonly Dictionary<DocumentKind, string> Defects = new()
    {
        [DocumentKind.AktaPendirian] = "Salinan akta pendirian belum dilegalisasi notaris pembuat akta koperasi.",
        [DocumentKind.SkAhu] = "Salinan SK pengesahan badan hukum tidak terbaca; mohon unggah ulang.",
        [DocumentKind.AnggaranDasar] = "Anggaran dasar belum memuat ketentuan pembagian sisa hasil usaha.",
        [DocumentKind.NotulenRapatPendirian] = "Notulen rapat pendirian belum ditandatangani pimpinan rapat.",
        [DocumentKind.DaftarPendiriAnggota] = "Daftar pendiri belum mencantumkan NIK seluruh anggota pendiri.",
        [DocumentKind.Nib] = "NIB yang dilampirkan terdaftar atas nama badan usaha lain.",
    };

    private static readonly string[] FieldFindings =
    [
        "Hasil verifikasi lapangan: alamat sekretariat berbeda dengan data permohonan. Mohon perbarui alamat dan lampirkan surat keterangan domisili.",
        "Anggota yang ditemui saat verifikasi lapangan jauh lebih sedikit dari daftar anggota. Mohon perbarui daftar anggota.",
        "Papan nama dan sekretariat koperasi belum tersedia saat peninjauan lapangan.",
    ];

    private static readonly Dictionary<CaseStage, string[]> Rejections = new()
    {
        [CaseStage.Diajukan] =
        [
            "Anggota koperasi berdomisili dalam satu kabupaten, sehingga pendaftaran menjadi kewenangan dinas kabupaten/kota.",
            "Permohonan ganda: koperasi yang sama sudah diajukan dan sedang diproses.",
        ],
        [CaseStage.VerifikasiDokumen] =
        [
            "Nama koperasi sama dengan koperasi lain yang sudah berbadan hukum di wilayah yang sama.",
            "Jumlah anggota pendiri kurang dari 9 orang sebagaimana disyaratkan UU 6/2023.",
        ],
        [CaseStage.PerluPerbaikan] =
        [
            "Pemohon tidak menyampaikan perbaikan dokumen dalam batas waktu yang ditentukan.",
        ],
        [CaseStage.VerifikasiLapangan] =
        [
            "Kantor dan kegiatan usaha koperasi tidak ditemukan di alamat yang dilaporkan.",
            "Anggota yang ditemui menyatakan tidak pernah mengikuti rapat pendirian koperasi.",
        ],
    };

    private static readonly string[] VerificationNotes = ["", "", "Sesuai dengan dokumen asli.", "Salinan telah dilegalisasi.", "Nomor dan tanggal sesuai."];

    private readonly DateOnly todayWib = DateOnly.FromDateTime(WibTime.ToWib(nowUtc));

    public List<DemoCase> Generate(IReadOnlyList<Cooperative> cooperatives)
    {
        var workingDays = WorkingDaysBeforeToday();
        var oldestSubmission = workingDays[HistoryWorkingDays];

        // New registrations go to young cooperatives, data updates to the rest; one open case per cooperative holds
        // because each cooperative gets at most one case.
        var eligible = cooperatives.Where(c => c.ActivityStatus != ActivityStatus.Dibubarkan && c.FoundedOn < oldestSubmission).ToArray();
        rng.Shuffle(eligible);
        var young = new Queue<Cooperative>(eligible.Where(c => c.FoundedOn >= todayWib.AddYears(-3)));
        var established = new Queue<Cooperative>(eligible.Where(c => c.FoundedOn < todayWib.AddYears(-3)));

        // Another count (for load measurements) keeps the stages' proportions; the remainders go to the largest shares.
        var shares = StageCounts.Select(s => (double)s.Count * count / DefaultCount).ToArray();
        var perStage = shares.Select(s => (int)Math.Floor(s)).ToArray();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => shares[i] - perStage[i]).Take(count - perStage.Sum()))
        {
            perStage[i]++;
        }

        var stages = StageCounts.SelectMany((s, i) => Enumerable.Repeat(s.Stage, perStage[i])).ToArray();
        rng.Shuffle(stages);
        var cases = new List<DemoCase>(stages.Length);
        foreach (var stage in stages)
        {
            var kind = rng.NextDouble() < 0.55 ? CaseKind.PendaftaranBaru : CaseKind.PembaruanData;
            var queue = (kind == CaseKind.PendaftaranBaru ? young : established) is { Count: > 0 } preferred ? preferred
                : young.Count > 0 ? young : established;
            if (queue.Count == 0)
            {
                break;
            }

            cases.Add(Create(queue.Dequeue(), kind, stage, workingDays));
        }

        return cases;
    }

    private List<DateOnly> WorkingDaysBeforeToday()
    {
        var days = new List<DateOnly>();
        for (var day = todayWib.AddDays(-1); days.Count <= HistoryWorkingDays; day = day.AddDays(-1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    private DemoCase Create(Cooperative cooperative, CaseKind kind, CaseStage finalStage, List<DateOnly> workingDays)
    {
        var path = Path(finalStage);
        var visits = Schedule(path, workingDays);
        var assignee = finalStage != CaseStage.Diajukan || rng.NextDouble() < 0.6
            ? (rng.NextDouble() < 0.85 ? officer : head) ?? officer ?? head
            : null;
        var registration = new RegistrationCase
        {
            CooperativeId = cooperative.Id,
            Kind = kind,
            Stage = finalStage,
            SubmittedAtUtc = visits[0].At,
            StageEnteredAtUtc = visits[^1].At,
            ClosedAtUtc = CaseWorkflow.IsClosed(finalStage) ? visits[^1].At : null,
            AssignedUserId = assignee?.UserId,
            AssignedUserName = assignee?.Name,
            Documents = [.. Enum.GetValues<DocumentKind>().Select(d => new CaseDocument { Kind = d, IsRequired = CaseWorkflow.IsRequired(kind, d) })],
        };
        var events = new List<CaseEvent> { Event(CaseEventKind.Submitted, visits[0].At, officer, toStage: CaseStage.Diajukan) };
        if (assignee is not null)
        {
            events.Add(Event(CaseEventKind.Assigned, visits[0].At.AddMinutes(rng.Next(5, 31)), head, text: assignee.Name));
        }

        var worker = assignee ?? officer;
        for (var i = 1; i < visits.Count; i++)
        {
            var (from, to) = (visits[i - 1].Stage, visits[i].Stage);
            if (from == CaseStage.VerifikasiDokumen)
            {
                CheckDocuments(registration, events, worker, visits[i - 1].At, visits[i].At, to);
            }

            var reason = Reason(registration, from, to);
            var decider = CaseWorkflow.IsClosed(to) ? head ?? worker : worker;
            events.Add(Event(CaseEventKind.StageChanged, visits[i].At, decider, from, to, reason));
            registration.LastReason = reason.Length > 0 ? reason : null;
        }

        if (finalStage == CaseStage.VerifikasiDokumen)
        {
            CheckDocuments(registration, events, worker, visits[^1].At, nowUtc, next: null);
        }

        var target = targets.TryGetValue(finalStage, out var days) ? days : (int?)null;
        registration.StageDueAtUtc = StageClock.DueAt([.. visits.Select(v => (v.Stage, v.At))], target, calendar);
        return new DemoCase(registration, events);
    }

    /// <summary>The stages a case passed through to reach its final one, sometimes with a round of revision.</summary>
    private List<CaseStage> Path(CaseStage final)
    {
        const CaseStage D = CaseStage.Diajukan, Vd = CaseStage.VerifikasiDokumen, Pp = CaseStage.PerluPerbaikan,
            Vl = CaseStage.VerifikasiLapangan, Ok = CaseStage.Disetujui, No = CaseStage.Ditolak;
        var roll = rng.NextDouble();
        return final switch
        {
            D => [D],
            Vd => roll < 0.75 ? [D, Vd] : [D, Vd, Pp, Vd],
            Pp => roll < 0.75 ? [D, Vd, Pp] : [D, Vd, Vl, Pp],
            Vl => roll < 0.7 ? [D, Vd, Vl] : [D, Vd, Pp, Vd, Vl],
            Ok => roll < 0.65 ? [D, Vd, Vl, Ok] : roll < 0.9 ? [D, Vd, Pp, Vd, Vl, Ok] : [D, Vd, Vl, Pp, Vd, Vl, Ok],
            _ => roll < 0.2 ? [D, No] : roll < 0.5 ? [D, Vd, No] : roll < 0.8 ? [D, Vd, Pp, No] : [D, Vd, Vl, No],
        };
    }

    /// <summary>
    /// Places each stage entry on a working day during office hours. How long ago the last entry was decides
    /// whether an open case is overdue; the gaps before it are typical times per step.
    /// </summary>
    private List<(CaseStage Stage, DateTime At)> Schedule(List<CaseStage> path, List<DateOnly> workingDays)
    {
        var gaps = new int[path.Count];
        for (var i = 1; i < path.Count; i++)
        {
            gaps[i] = (path[i - 1], path[i]) switch
            {
                (CaseStage.Diajukan, _) => rng.Next(1, 4),
                (CaseStage.VerifikasiDokumen, _) => rng.Next(2, 7),
                (CaseStage.PerluPerbaikan, CaseStage.Ditolak) => rng.Next(15, 26),
                (CaseStage.PerluPerbaikan, _) => rng.Next(3, 16),
                _ => rng.Next(4, 11),
            };
        }

        var age = path[^1] switch
        {
            CaseStage.Diajukan => rng.Next(1, 4),
            CaseStage.VerifikasiDokumen => rng.Next(1, 7),
            CaseStage.VerifikasiLapangan => rng.Next(1, 13),
            CaseStage.PerluPerbaikan => rng.Next(1, 21),
            _ => rng.Next(1, 61),
        };
        // The longest path spans at most 50 working days, so only the age of old closed cases is ever cut here.
        age = Math.Min(age, HistoryWorkingDays - gaps.Sum());

        var visits = new (CaseStage, DateTime)[path.Count];
        var dayIndex = age;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var minutes = rng.Next(8 * 60, 15 * 60);
            visits[i] = (path[i], WibTime.ToUtc(workingDays[dayIndex - 1].ToDateTime(TimeOnly.MinValue).AddMinutes(minutes)));
            dayIndex += gaps[i];
        }

        return [.. visits];
    }

    /// <summary>
    /// The document checks of one stay in document verification, spread over its time: all remaining required
    /// documents before field verification, all but the defective ones before a return to the applicant, some
    /// otherwise.
    /// </summary>
    private void CheckDocuments(RegistrationCase registration, List<CaseEvent> events, DemoStaff? worker, DateTime from, DateTime until, CaseStage? next)
    {
        var pending = registration.Documents.Where(d => d.IsRequired && !d.IsVerified).ToList();
        var toVerify = next switch
        {
            CaseStage.VerifikasiLapangan => [.. pending, .. registration.Documents.Where(d => !d.IsRequired && !d.IsVerified && rng.NextDouble() < 0.4)],
            CaseStage.PerluPerbaikan => MarkDefects(pending),
            _ => pending.Where(_ => rng.NextDouble() < 0.5).ToList(),
        };

        // Spread over the stay's working time, so every check falls in office hours.
        var span = calendar.WorkingTimeBetween(from, until).Ticks;
        var times = toVerify
            .Select(_ => calendar.AddWorkingTime(from, TimeSpan.FromMinutes(Math.Floor(TimeSpan.FromTicks((long)(span * (0.05 + (0.9 * rng.NextDouble())))).TotalMinutes))))
            .Order()
            .ToList();
        for (var i = 0; i < toVerify.Count; i++)
        {
            var document = toVerify[i];
            document.IsVerified = true;
            document.Note = document.Note.Length > 0 ? "Telah diperbaiki sesuai catatan." : Pick(VerificationNotes);
            document.VerifiedByName = worker?.Name ?? UserContext.System.DisplayName;
            document.VerifiedAtUtc = times[i];
            var verified = Event(CaseEventKind.DocumentVerified, times[i], worker, text: document.Note);
            verified.Document = document.Kind;
            events.Add(verified);
        }
    }

    /// <summary>Marks one or two pending required documents defective (with a note) and returns the rest to verify.</summary>
    private List<CaseDocument> MarkDefects(List<CaseDocument> pending)
    {
        var defective = pending.OrderBy(_ => rng.Next()).Take(Math.Min(pending.Count, rng.Next(1, 3))).ToList();
        foreach (var document in defective)
        {
            document.Note = Defects[document.Kind];
        }

        return [.. pending.Except(defective)];
    }

    private string Reason(RegistrationCase registration, CaseStage from, CaseStage to) => to switch
    {
        CaseStage.PerluPerbaikan when from == CaseStage.VerifikasiLapangan => Pick(FieldFindings),
        CaseStage.PerluPerbaikan => string.Join(" ", registration.Documents.Where(d => d.IsRequired && !d.IsVerified && d.Note.Length > 0).Select(d => d.Note)),
        CaseStage.Ditolak => Pick(Rejections[from]),
        _ => "",
    };

    private static CaseEvent Event(CaseEventKind kind, DateTime at, DemoStaff? by, CaseStage? from = null, CaseStage? toStage = null, string text = "") => new()
    {
        Kind = kind,
        FromStage = from,
        ToStage = toStage,
        Text = text,
        ByUserId = by?.UserId,
        ByName = by?.Name ?? UserContext.System.DisplayName,
        AtUtc = at,
    };

    private string Pick(string[] items) => items[rng.Next(items.Length)];
}

/// <summary>A demo officer or head who works the cases.</summary>
internal sealed record DemoStaff(string UserId, string Name);

/// <summary>A generated case and its timeline; the events learn their case's key once the case is saved.</summary>
internal sealed record DemoCase(RegistrationCase Case, List<CaseEvent> Events);
