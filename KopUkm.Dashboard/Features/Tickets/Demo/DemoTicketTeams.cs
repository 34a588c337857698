using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Tickets.Demo;

/// <summary>
/// The demo team of each division that works tickets. <see cref="DemoUsers"/> holds one account per role for
/// trying the app; a year of tickets needs more hands, so the ticket demo adds officers from this list (with the
/// same demo password) to any division that has fewer active officers and heads than its team here.
/// </summary>
internal static class DemoTicketTeams
{
    public static IReadOnlyList<DemoUser> Officers { get; } =
    [
        new("petugas2.umk@kopukm.demo", "Rahmat Hidayat, S.Kom.", AppRoles.Petugas, "UMK"),
        new("petugas3.umk@kopukm.demo", "Fitri Handayani, S.E.", AppRoles.Petugas, "UMK"),
        new("petugas4.umk@kopukm.demo", "Andi Saputra, A.Md.", AppRoles.Petugas, "UMK"),
        new("kabid.plut@kopukm.demo", "Ir. Zulkifli Harahap, M.M.", AppRoles.KepalaBidang, "PLUT"),
        new("petugas.plut@kopukm.demo", "Mardiana, S.E.", AppRoles.Petugas, "PLUT"),
        new("petugas2.plut@kopukm.demo", "Arif Wibowo, S.P.", AppRoles.Petugas, "PLUT"),
        new("petugas3.plut@kopukm.demo", "Desi Ratnasari, S.Sos.", AppRoles.Petugas, "PLUT"),
        new("petugas2.klm@kopukm.demo", "Hendra Gunawan, S.H.", AppRoles.Petugas, "KLM"),
        new("kabid.sek@kopukm.demo", "Drs. Syamsul Bahri, M.Si.", AppRoles.KepalaBidang, "SEK"),
        new("petugas.sek@kopukm.demo", "Ratna Sari Dewi, S.Sos.", AppRoles.Petugas, "SEK"),
        new("petugas2.sek@kopukm.demo", "Ilham Maulana, S.I.Kom.", AppRoles.Petugas, "SEK"),
        new("kabid.pws@kopukm.demo", "Taufik Rahman, S.E., Ak.", AppRoles.KepalaBidang, "PWS"),
        new("petugas.pws@kopukm.demo", "Yuliani Siregar, S.E.", AppRoles.Petugas, "PWS"),
        new("kabid.pmk@kopukm.demo", "Bambang Prasetyo, S.P., M.M.", AppRoles.KepalaBidang, "PMK"),
        new("petugas.pmk@kopukm.demo", "Erna Lubis, S.Pd.", AppRoles.Petugas, "PMK"),
    ];

    /// <summary>How many officers and heads each division's team has: the listed ones plus the accounts of <see cref="DemoUsers"/>.</summary>
    public static int TeamSize(string divisionCode) =>
        Officers.Count(o => o.DivisionCode == divisionCode)
        + DemoUsers.All.Count(u => u.DivisionCode == divisionCode && u.Role is AppRoles.Petugas or AppRoles.KepalaBidang);
}
