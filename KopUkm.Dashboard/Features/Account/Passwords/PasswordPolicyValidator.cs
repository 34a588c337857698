using System.Globalization;
using System.Text;
using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.Identity;

namespace KopUkm.Dashboard.Features.Account.Passwords;

/// <summary>
/// ASVS 2.1.7 for every way a password is set (own change, administrator's create or reset, the <c>create-admin</c>
/// command): refuses a password on the list of the 100,000 most common — as typed, or once the digits and symbols
/// people add at either end are taken off ("Password2026!", "!!sunshine") — one short piece repeated
/// ("abcabcabcabc"), and a password that is only the user's own name or e-mail address dressed up ("Budi.Santoso2026",
/// "santosobudi!", "petugas.umk@…"). Identity's own validator still checks the length (12) beforehand.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>A password whose letters are the user's name or address words plus fewer than this many others is refused.</summary>
    private const int MinimumOwnLetters = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's PasswordValidator reports an empty password.
            return Task.FromResult(IdentityResult.Success);
        }

        var describer = manager.ErrorDescriber as LocalizedIdentityErrorDescriber;
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(describer?.PasswordTooCommon()
                ?? new IdentityError { Code = LocalizedIdentityErrorDescriber.PasswordTooCommonCode, Description = "This password is too common." }));
        }

        if (ResemblesUser(password, user.FullName, user.Email ?? user.UserName))
        {
            return Task.FromResult(IdentityResult.Failed(describer?.PasswordResemblesUser()
                ?? new IdentityError { Code = LocalizedIdentityErrorDescriber.PasswordResemblesUserCode, Description = "The password may not be your name or e-mail address." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>On the list as typed or with the digits and symbols at its ends taken off, or one short piece repeated.</summary>
    public static bool IsCommon(string password)
    {
        var trimmed = password.Trim();
        if (CommonPasswords.Contains(trimmed))
        {
            return true;
        }

        var core = trimmed.Trim(Decoration());
        if (core.Length > 0 && CommonPasswords.Contains(core))
        {
            return true;
        }

        // Digits only at one end: "123456monkey" and "monkey123456" both reduce to the word.
        var withoutLeading = trimmed.TrimStart(Decoration());
        var withoutTrailing = trimmed.TrimEnd(Decoration());
        if ((withoutLeading.Length > 0 && CommonPasswords.Contains(withoutLeading)) || (withoutTrailing.Length > 0 && CommonPasswords.Contains(withoutTrailing)))
        {
            return true;
        }

        return IsRepeated(trimmed.ToLowerInvariant());
    }

    /// <summary>
    /// Only the user's own name or e-mail address, in any case, order or punctuation, with fewer than four letters
    /// of anything else: every word of the name (titles such as "S.Kom." left out) and of the address's local part
    /// counts; so does the whole address or local part with digits.
    /// </summary>
    public static bool ResemblesUser(string password, string? fullName, string? email)
    {
        var words = UserWords(fullName, email);
        if (words.Count == 0)
        {
            return false;
        }

        var letters = LettersOnly(password);
        var compact = LettersAndDigits(password);
        var localPart = email is null ? "" : LettersAndDigits(email.Split('@')[0]);
        if (compact.Length > 0 && (compact == LettersAndDigits(email ?? "") || compact == localPart))
        {
            return true;
        }

        var rest = letters;
        var removedAny = false;
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            if (rest.Contains(word, StringComparison.Ordinal))
            {
                rest = rest.Replace(word, "", StringComparison.Ordinal);
                removedAny = true;
            }
        }

        return removedAny && rest.Length < MinimumOwnLetters;
    }

    private static List<string> UserWords(string? fullName, string? email)
    {
        var words = new List<string>();
        foreach (var token in (fullName ?? "").Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            // "S.Kom.", "Drs.", "H.", "M.Si." are academic and religious titles, not the person's name.
            if (token.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            AddWord(words, LettersOnly(token));
        }

        if (!string.IsNullOrWhiteSpace(email))
        {
            // The local part only: the domain is the office's, shared by every account.
            foreach (var token in email.Split('@')[0].Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
            {
                AddWord(words, LettersOnly(token));
            }
        }

        return words;
    }

    private static void AddWord(List<string> words, string word)
    {
        // One- and two-letter pieces ("h", "se") are too short to say anything about a password.
        if (word.Length >= 3 && !words.Contains(word))
        {
            words.Add(word);
        }
    }

    private static bool IsRepeated(string text)
    {
        for (var period = 1; period <= Math.Min(4, text.Length / 2); period++)
        {
            if (text.Length % period != 0)
            {
                continue;
            }

            var unit = text[..period];
            if (string.Concat(Enumerable.Repeat(unit, text.Length / period)) == text)
            {
                return true;
            }
        }

        return false;
    }

    private static char[] Decoration() => DecorationChars;

    private static readonly char[] DecorationChars = [.. "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ "];

    private static string LettersOnly(string text) => Keep(text, char.IsLetter);

    private static string LettersAndDigits(string text) => Keep(text, char.IsLetterOrDigit);

    private static string Keep(string text, Func<char, bool> keep)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (keep(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
