using AngleSharp.Html.Parser;
using KopUkm.Dashboard.Features.Content.LiveCheck;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

public sealed class PageLinksTests
{
    private static readonly Uri PageUrl = new("https://dinas.example.go.id/berita/index.html");

    private static IReadOnlyList<string> Links(string html, int max = 50) =>
        [.. PageLinks.Internal(new HtmlParser().ParseDocument(html), PageUrl, max).Select(u => u.ToString())];

    [Fact]
    public void Same_origin_links_are_resolved_deduplicated_and_stripped_of_fragments_in_page_order()
    {
        var links = Links("""
            <a href="/profil">a</a> <a href="arsip.html">b</a> <a href="../layanan?jenis=umkm#atas">c</a>
            <a href="/profil#visi">d</a> <a href="HTTPS://DINAS.example.go.id/profil">e</a> <a href="#atas">f</a>
            <a href="index.html">self</a> <a href="">empty</a> <a>no href</a>
            """);

        Assert.Equal(
            ["https://dinas.example.go.id/profil", "https://dinas.example.go.id/berita/arsip.html", "https://dinas.example.go.id/layanan?jenis=umkm"],
            links);
    }

    [Fact]
    public void Other_origins_and_non_web_schemes_are_skipped()
    {
        var links = Links("""
            <a href="mailto:info@example.go.id">m</a> <a href="tel:0741123">t</a> <a href="javascript:void(0)">j</a>
            <a href="https://kemenkopukm.go.id/">other host</a> <a href="http://dinas.example.go.id/profil">other scheme</a>
            <a href="https://dinas.example.go.id:8443/profil">other port</a> <a href="ftp://dinas.example.go.id/x">ftp</a>
            <a href="/kontak">ok</a>
            """);

        Assert.Equal(["https://dinas.example.go.id/kontak"], links);
    }

    [Fact]
    public void A_base_element_changes_how_relative_links_resolve()
    {
        var links = Links("<head><base href=\"/arsip/2026/\"></head><body><a href=\"januari.html\">x</a></body>");

        Assert.Equal(["https://dinas.example.go.id/arsip/2026/januari.html"], links);
    }

    [Fact]
    public void At_most_the_configured_number_of_links_is_taken()
    {
        var html = string.Concat(Enumerable.Range(1, 10).Select(i => $"<a href=\"/h/{i}\">{i}</a>"));

        Assert.Equal(["https://dinas.example.go.id/h/1", "https://dinas.example.go.id/h/2", "https://dinas.example.go.id/h/3"], Links(html, max: 3));
        Assert.Empty(Links(html, max: 0));
    }
}
