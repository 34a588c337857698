using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// The fingerprint of a page: the SHA-256 of its main text after removing what changes on every request
/// (dates, times, "3 jam yang lalu", nonces), so a page whose only change is a timestamp keeps its fingerprint.
/// </summary>
public static partial class PageText
{
    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "nav", "header", "footer", "form"];

    /// <summary>Parses HTML and returns its normalised main text.</summary>
    public static string Normalise(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return Normalise(document);
    }

    /// <summary>
    /// The normalised main text: the <c>main</c> element (or <c>[role=main]</c>, the same landmark), else all
    /// <c>article</c> elements, else <c>body</c>; without scripts, styles, navigation, headers, footers and forms; text
    /// nodes joined by spaces, dates/times/nonces removed, whitespace collapsed. Removes the dropped elements from
    /// <paramref name="document"/>.
    /// </summary>
    public static string Normalise(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
        {
            element.Remove();
        }

        IEnumerable<INode> roots = document.QuerySelector("main") is { } main ? [main]
            : document.QuerySelector("[role=main]") is { } landmark ? [landmark]
            : document.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList() is { Count: > 0 } articles ? articles
            : document.Body is { } body ? [body]
            : document.DocumentElement is { } html ? [html]
            : [];

        var text = string.Join(' ', roots.SelectMany(r => r.GetDescendants()).OfType<IText>().Select(t => t.Data));
        return NormaliseText(text);
    }

    /// <summary>Removes dates, times, relative times and nonce-like tokens from plain text and collapses whitespace.</summary>
    public static string NormaliseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = Whitespace().Replace(text, " ");
        result = IsoDateTime().Replace(result, " ");
        result = NamedDate().Replace(result, " ");
        result = NumericDate().Replace(result, " ");
        result = ClockTime().Replace(result, " ");
        result = RelativeTime().Replace(result, " ");
        result = Token().Replace(result, m => LooksRandom(m.Value) ? " " : m.Value);
        return Whitespace().Replace(result, " ").Trim();
    }

    /// <summary>Lower-case hex SHA-256 of the normalised text (UTF-8).</summary>
    public static string Hash(string normalisedText)
    {
        ArgumentNullException.ThrowIfNull(normalisedText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalisedText)));
    }

    /// <summary>Lower-case hex SHA-256 of raw bytes, for bodies that are not HTML (PDF and the like).</summary>
    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// A long token is a nonce, hash or session id when it mixes letters with digits or is in mixed case;
    /// long ordinary words ("pertanggungjawaban") and long numbers (a NIK) are content and stay.
    /// </summary>
    private static bool LooksRandom(string token)
    {
        var hasDigit = token.Any(char.IsAsciiDigit);
        var hasLetter = token.Any(char.IsAsciiLetter);
        var mixedCase = token.Skip(1).Any(char.IsAsciiLetterUpper) && token.Any(char.IsAsciiLetterLower);
        return (hasDigit && hasLetter) || mixedCase;
    }

    private const string DayNames =
        "senin|selasa|rabu|kamis|jum['’]?at|sabtu|minggu|ahad|"
        + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
        + "sen|sel|rab|kam|jum|sab|min";

    private const string MonthNames =
        "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|desember|"
        + "january|february|march|may|june|july|august|october|december|"
        + "jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|aug|sep|sept|okt|oct|nov|nop|des|dec";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // 2026-11-27, 2026-11-27T14:05:33.123+07:00, 2026/11/27
    [GeneratedRegex(@"\b\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex IsoDateTime();

    // Jumat, 27 Nov 2026 · 27 November 2026 · Friday, November 27, 2026 · Nov 27 2026 · 27 Nov. 2026
    [GeneratedRegex(
        @"(?:\b(?:" + DayNames + @")\.?,?\s*)?(?:\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + MonthNames + @")\.?,?\s+\d{4}\b|\b(?:" + MonthNames + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedDate();

    // 27/11/2026, 27-11-2026, 27.11.2026, 27/11/26 (two-digit years only with slashes: "1.5.10" is a version)
    [GeneratedRegex(
        @"(?:\b(?:" + DayNames + @")\.?,?\s*)?(?:\b\d{1,2}([/.-])\d{1,2}\1\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2}\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    // 14:05, 14:05:33, 2:05 PM, pukul 14.05, 14.05 WIB
    [GeneratedRegex(
        @"(?:\b(?:pukul|jam)\s+)?\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|wib|wita|wit|utc|gmt(?:[+-]\d{1,2})?)\b)?"
        + @"|\b(?:pukul|jam)\s+\d{1,2}[.:]\d{2}(?:\s*(?:wib|wita|wit)\b)?"
        + @"|\b\d{1,2}\.\d{2}\s*(?:wib|wita|wit)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    // 3 jam yang lalu, 5 menit lalu, 2 hours ago
    [GeneratedRegex(
        @"\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu\b"
        + @"|\b\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{16,}(?![A-Za-z0-9+/_=-])")]
    private static partial Regex Token();
}
