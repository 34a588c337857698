using System.Globalization;
using KopUkm.Dashboard.Features.Cooperatives.Cases;

namespace KopUkm.Dashboard.Features.Dashboard;

/// <summary>
/// Where each dashboard number leads: the list pages read these query parameters and apply the same filter the
/// number was counted with. Kept in one place so the links and the lists cannot drift apart.
/// </summary>
public static class DashboardLinks
{
    public static string Tickets(int? divisionId, string? extra = null) =>
        (divisionId is { } id ? $"/layanan?antrean=bidang&bidang={Num(id)}" : "/layanan?antrean=semua") + (extra is null ? "" : "&" + extra);

    public static string TicketsAtRisk(int? divisionId) => Tickets(divisionId, "sla=AtRisk");

    public static string TicketsBreached(int? divisionId) => Tickets(divisionId, "sla=Breached");

    public static string TicketsUnassigned(int? divisionId) => Tickets(divisionId, "tanpa-petugas=1");

    public static string RegistrationsOpen => "/koperasi?kasus-terbuka=1";

    public static string RegistrationsInStage(CaseStage stage) => $"/koperasi?tahap={stage}";

    public static string RegistrationsOverdue => "/koperasi?terlambat=1";

    public static string Content(int? divisionId, string attention) =>
        $"/konten?perhatian={attention}" + (divisionId is { } id ? $"&bidang={Num(id)}" : "");

    public static string ItTasksOverdue(int? divisionId) =>
        "/tugas-ti?terlambat=1&tampilan=daftar" + (divisionId is { } id ? $"&bidang={Num(id)}" : "");

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
