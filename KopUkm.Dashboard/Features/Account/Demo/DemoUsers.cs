using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Account.Demo;

/// <summary>
/// One demo account per role, created only in demo mode (<c>Demo:SeedUsers</c>, on in Development) or by the
/// <c>seed-demo</c> command. The README lists these credentials; production seeds none of them.
/// </summary>
public static class DemoUsers
{
    public const string Password = "Demo-KopUkm-2026";

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("admin@kopukm.demo", "Rina Marlina, S.Kom.", AppRoles.Administrator, "TI"),
        new("pimpinan@kopukm.demo", "Drs. H. Ahmad Fauzi, M.Si.", AppRoles.Pimpinan, "SEK"),
        new("kabid.klm@kopukm.demo", "Siti Aminah, S.E., M.M.", AppRoles.KepalaBidang, "KLM"),
        new("staf.ti@kopukm.demo", "Budi Santoso, S.T.", AppRoles.StafTI, "TI"),
        new("petugas.klm@kopukm.demo", "Dewi Lestari, S.H.", AppRoles.Petugas, "KLM"),
        new("petugas.umk@kopukm.demo", "Yusuf Hidayat, S.E.", AppRoles.Petugas, "UMK"),
        new("kabid.umk@kopukm.demo", "Hendra Gunawan, S.E., M.Si.", AppRoles.KepalaBidang, "UMK"),
    ];
}

public sealed record DemoUser(string Email, string FullName, string Role, string DivisionCode);
