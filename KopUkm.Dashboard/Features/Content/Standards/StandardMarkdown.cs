using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// Renders an editor's Markdown (paragraphs, lists, emphasis, links) to HTML the public page can embed. Raw HTML is
/// disabled, so a <c>&lt;script&gt;</c> an editor types is shown as text; links keep only http(s), mailto and tel
/// addresses (and paths on this site); images become plain links, so no visitor loads a third-party picture.
/// </summary>
public static class StandardMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto || uri.Scheme == "tel");
    }
}
