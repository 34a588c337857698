using System.Net.Mail;

namespace KopUkm.Dashboard.Common;

public static class EmailAddresses
{
    /// <summary>A plain address with a dotted domain, as the office can actually write back to.</summary>
    public static bool IsValid(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && trimmed[(trimmed.IndexOf('@', StringComparison.Ordinal) + 1)..].Contains('.', StringComparison.Ordinal);
    }
}
