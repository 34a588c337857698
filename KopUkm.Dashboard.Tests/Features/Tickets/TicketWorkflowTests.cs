using KopUkm.Dashboard.Features.Tickets;

namespace KopUkm.Dashboard.Tests.Features.Tickets;

public sealed class TicketWorkflowTests
{
    /// <summary>The allowed graph, written out independently of the workflow's own table.</summary>
    private static readonly HashSet<(TicketStatus From, TicketStatus To)> Expected =
    [
        (TicketStatus.Baru, TicketStatus.Ditugaskan),
        (TicketStatus.Ditugaskan, TicketStatus.Diproses),
        (TicketStatus.Diproses, TicketStatus.MenungguPemohon),
        (TicketStatus.Diproses, TicketStatus.Selesai),
        (TicketStatus.MenungguPemohon, TicketStatus.Diproses),
        (TicketStatus.MenungguPemohon, TicketStatus.Selesai),
        (TicketStatus.Selesai, TicketStatus.Ditutup),
        (TicketStatus.Selesai, TicketStatus.DibukaKembali),
        (TicketStatus.Ditutup, TicketStatus.DibukaKembali),
        (TicketStatus.DibukaKembali, TicketStatus.Diproses),
        (TicketStatus.DibukaKembali, TicketStatus.MenungguPemohon),
        (TicketStatus.DibukaKembali, TicketStatus.Selesai),
    ];

    public static TheoryData<TicketStatus, TicketStatus> EveryPair()
    {
        var data = new TheoryData<TicketStatus, TicketStatus>();
        foreach (var from in Enum.GetValues<TicketStatus>())
        {
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_status_pair_is_allowed_or_refused_exactly_as_specified(TicketStatus from, TicketStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), TicketWorkflow.CanMove(from, to));

    [Fact]
    public void Waiting_resolving_and_reopening_need_a_text_and_only_resolved_or_closed_tickets_are_not_open()
    {
        Assert.Equal(
            [TicketStatus.MenungguPemohon, TicketStatus.Selesai, TicketStatus.DibukaKembali],
            Enum.GetValues<TicketStatus>().Where(TicketWorkflow.RequiresText));
        Assert.Equal(
            [TicketStatus.Selesai, TicketStatus.Ditutup],
            Enum.GetValues<TicketStatus>().Where(s => !TicketWorkflow.IsOpen(s)));
    }
}
