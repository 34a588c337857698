namespace KopUkm.Dashboard.Features.Security;

/// <summary>The five roles of the office. Role names are stored in Identity and are part of every claim set.</summary>
public static class AppRoles
{
    public const string Administrator = "Administrator";
    public const string Pimpinan = "Pimpinan";
    public const string KepalaBidang = "KepalaBidang";
    public const string StafTI = "StafTI";
    public const string Petugas = "Petugas";

    public static IReadOnlyList<string> All { get; } = [Administrator, Pimpinan, KepalaBidang, StafTI, Petugas];

    /// <summary>Roles that see every division's records; everyone else is scoped to their own division.</summary>
    public static IReadOnlyList<string> OfficeWide { get; } = [Administrator, Pimpinan];
}
