using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Account;

/// <summary>Identity's validation errors in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> L) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), L["Identity.DefaultError"]);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), L["Common.ConcurrencyConflict"]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), L["Identity.PasswordMismatch"]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), L["Identity.PasswordTooShort", length]);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), L["Identity.PasswordRequiresUniqueChars", uniqueChars]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), L["Identity.InvalidEmail", email ?? ""]);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), L["Identity.DuplicateEmail", email]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), L["Identity.DuplicateEmail", userName]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), L["Identity.InvalidEmail", userName ?? ""]);

    public const string PasswordTooCommonCode = "PasswordTooCommon";

    public const string PasswordResemblesUserCode = "PasswordResemblesUser";

    /// <summary>The password is on the list of the most common passwords, or a decorated or repeated form of one.</summary>
    public IdentityError PasswordTooCommon() => Error(PasswordTooCommonCode, L["Identity.PasswordTooCommon"]);

    /// <summary>The password is only the user's own name or e-mail address, in some form.</summary>
    public IdentityError PasswordResemblesUser() => Error(PasswordResemblesUserCode, L["Identity.PasswordResemblesUser"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
