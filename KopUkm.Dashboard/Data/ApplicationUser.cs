using Microsoft.AspNetCore.Identity;

namespace KopUkm.Dashboard.Data;

/// <summary>
/// A civil servant with an account. Every user belongs to exactly one division (the foreign key is configured by
/// the account feature, so the context that is built on this type knows no feature).
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    public int DivisionId { get; set; }

    /// <summary>A disabled user cannot sign in and loses open sessions at the next security-stamp check.</summary>
    public bool IsActive { get; set; } = true;

    public bool PrefersDarkMode { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
