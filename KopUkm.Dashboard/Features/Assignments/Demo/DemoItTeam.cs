using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Assignments.Demo;

/// <summary>
/// The demo IT staff of the Digital Service Unit beside <c>staf.ti@kopukm.demo</c> from <see cref="DemoUsers"/>:
/// the IT task demo adds them (same demo password), so work can be spread and the workload panel compared.
/// </summary>
public static class DemoItTeam
{
    public const string DivisionCode = "TI";

    public static IReadOnlyList<DemoUser> Staff { get; } =
    [
        new("staf.ti2@kopukm.demo", "Rizky Pratama, S.Kom.", AppRoles.StafTI, DivisionCode),
        new("staf.ti3@kopukm.demo", "Nurul Aini, A.Md.Kom.", AppRoles.StafTI, DivisionCode),
    ];

    /// <summary>The demo coordinator (staf.ti) first, then this list's order, then anyone else.</summary>
    internal static int Order(string? email) =>
        email == "staf.ti@kopukm.demo" ? 0
        : Staff.Select(s => s.Email).ToList().IndexOf(email ?? "") is var i and >= 0 ? i + 1
        : int.MaxValue;
}
