using System.Net;
using System.Text;

namespace KopUkm.Dashboard.Features.Email;

/// <summary>
/// Builds the plain-text and HTML parts of one message from the same paragraphs, links and lists, so the two always
/// say the same thing. Every piece of text is HTML-encoded: nothing a user typed becomes markup.
/// </summary>
public sealed class EmailBody
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder html = new();

    public EmailBody Paragraph(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        text.Append(paragraph).Append("\n\n");
        html.Append("<p style=\"margin:0 0 16px\">").Append(Encode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        return this;
    }

    /// <summary>A link on a line of its own; the plain part shows the address after the label.</summary>
    public EmailBody Link(string label, string url)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(url);
        text.Append(label).Append(": ").Append(url).Append("\n\n");
        html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(Encode(url)).Append("\" style=\"color:#0b5cad\">")
            .Append(Encode(label)).Append("</a></p>\n");
        return this;
    }

    /// <summary>A bulleted list; each item may carry a link.</summary>
    public EmailBody List(IEnumerable<(string Text, string? Url)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        html.Append("<ul style=\"margin:0 0 16px;padding-left:20px\">\n");
        foreach (var (item, url) in items)
        {
            text.Append("- ").Append(item);
            html.Append("<li style=\"margin:0 0 8px\">");
            if (url is null)
            {
                html.Append(Encode(item));
            }
            else
            {
                text.Append("\n  ").Append(url);
                html.Append("<a href=\"").Append(Encode(url)).Append("\" style=\"color:#0b5cad\">").Append(Encode(item)).Append("</a>");
            }

            text.Append('\n');
            html.Append("</li>\n");
        }

        text.Append('\n');
        html.Append("</ul>\n");
        return this;
    }

    /// <summary>Small print at the end (why the person gets this message).</summary>
    public EmailBody Footer(string footer)
    {
        ArgumentNullException.ThrowIfNull(footer);
        text.Append("--\n").Append(footer).Append('\n');
        html.Append("<hr style=\"border:none;border-top:1px solid #ccc;margin:24px 0 12px\">\n<p style=\"margin:0;color:#555;font-size:13px\">")
            .Append(Encode(footer).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        return this;
    }

    public string Text => text.ToString().TrimEnd() + "\n";

    /// <summary>A whole HTML document, Indonesian, readable on a phone.</summary>
    public string Html(string title) =>
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        + "<title>" + Encode(title) + "</title></head>\n"
        + "<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a\">\n"
        + "<div style=\"max-width:600px\">\n" + html + "</div>\n</body></html>\n";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
