using KopUkm.Dashboard.Features.Content.Standards;

namespace KopUkm.Dashboard.Tests.Features.Content;

public sealed class StandardMarkdownTests
{
    [Fact]
    public void Raw_html_from_an_editor_is_shown_as_text_and_never_reaches_the_page_as_markup()
    {
        var html = StandardMarkdown.ToHtml("Persyaratan <script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n- KTP");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<li>KTP</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_keep_only_web_mail_and_phone_addresses_and_images_become_links()
    {
        var html = StandardMarkdown.ToHtml("[a](javascript:alert(1)) [b](https://www.lapor.go.id) [c](/ajukan) ![d](https://tracker.example/x.png) [e](//evil.example)");

        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.lapor.go.id\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/ajukan\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }
}
