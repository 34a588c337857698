using KopUkm.Dashboard.Features.Content.LiveCheck;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

public sealed class RobotsRulesTests
{
    private const string Token = "KopUkmDashboard";

    private static RobotsRules Parse(string content) => RobotsRules.Parse(content, Token);

    [Theory]
    [InlineData("/berita/publik/1", true)]
    [InlineData("/berita/rahasia", false)]
    [InlineData("/profil", true)]
    public void The_longest_matching_rule_wins_whatever_the_order(string path, bool allowed)
    {
        var allowFirst = Parse("User-agent: *\nAllow: /berita/publik\nDisallow: /berita\n");
        var disallowFirst = Parse("User-agent: *\nDisallow: /berita\nAllow: /berita/publik\n");

        Assert.Equal(allowed, allowFirst.IsAllowed(path));
        Assert.Equal(allowed, disallowFirst.IsAllowed(path));
    }

    [Fact]
    public void Allow_wins_a_tie_between_equally_long_rules()
    {
        var rules = Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");

        Assert.True(rules.IsAllowed("/page"));
    }

    [Theory]
    [InlineData("/*.pdf$", "/unduhan/laporan.pdf", false)]
    [InlineData("/*.pdf$", "/unduhan/laporan.pdf?v=2", true)]
    [InlineData("/*.pdf$", "/unduhan/laporan.pdfx", true)]
    [InlineData("/*?sesi=", "/berita?sesi=abc", false)]
    [InlineData("/*?sesi=", "/berita?halaman=2", true)]
    [InlineData("/berita/*/cetak", "/berita/2026/11/cetak", false)]
    [InlineData("/berita/*/cetak", "/berita/cetak", true)]
    [InlineData("/$", "/", false)]
    [InlineData("/$", "/profil", true)]
    [InlineData("/profil$", "/profil", false)]
    [InlineData("/profil$", "/profil/", true)]
    [InlineData("/a*b*c$", "/a-b-c", false)]
    [InlineData("/a*b*c$", "/a-c-b", true)]
    [InlineData("*/draft", "/berita/draft/1", false)]
    [InlineData("/cari", "/cari?q=koperasi", false)]
    [InlineData("/Cari", "/cari", true)]
    public void Wildcards_and_the_end_anchor_match_as_in_rfc_9309(string pattern, string path, bool allowed)
    {
        var rules = Parse($"User-agent: *\nDisallow: {pattern}\n");

        Assert.Equal(allowed, rules.IsAllowed(path));
    }

    [Fact]
    public void The_home_page_alone_can_be_allowed_with_an_anchored_rule()
    {
        var rules = Parse("User-agent: *\nAllow: /$\nDisallow: /\n");

        Assert.True(rules.IsAllowed("/"));
        Assert.False(rules.IsAllowed("/profil"));
    }

    [Fact]
    public void The_group_naming_our_product_token_is_used_instead_of_the_star_group()
    {
        var rules = Parse("""
            User-agent: *
            Disallow: /

            User-agent: kopukmdashboard/2.0
            Disallow: /internal
            """);

        Assert.True(rules.IsAllowed("/profil"));
        Assert.False(rules.IsAllowed("/internal/laporan"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_a_group_and_groups_naming_us_are_merged()
    {
        var rules = Parse("""
            User-agent: Googlebot
            User-agent: KopUkmDashboard
            Disallow: /a
            Sitemap: https://example.go.id/sitemap.xml
            Disallow: /b

            User-agent: Bingbot
            Disallow: /c

            User-agent: KopUkmDashboard
            Disallow: /d
            """);

        Assert.False(rules.IsAllowed("/a"));
        Assert.False(rules.IsAllowed("/b"));
        Assert.True(rules.IsAllowed("/c"));
        Assert.False(rules.IsAllowed("/d"));
    }

    [Fact]
    public void Other_crawlers_groups_do_not_apply_and_the_star_group_does()
    {
        var rules = Parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin\n");

        Assert.True(rules.IsAllowed("/profil"));
        Assert.False(rules.IsAllowed("/admin/login"));
    }

    [Fact]
    public void A_group_naming_us_without_rules_allows_everything_even_if_the_star_group_forbids()
    {
        var rules = Parse("User-agent: *\nDisallow: /\n\nUser-agent: KopUkmDashboard\nDisallow:\n");

        Assert.True(rules.IsAllowed("/apa-saja"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# hanya komentar\n")]
    [InlineData("User-agent: Googlebot\nDisallow: /\n")]
    [InlineData("Disallow: /\n")]
    public void Files_without_rules_for_us_allow_everything(string content)
    {
        Assert.True(Parse(content).IsAllowed("/profil"));
    }

    [Fact]
    public void Comments_blank_lines_crlf_a_bom_and_key_case_are_tolerated()
    {
        var rules = Parse("\uFEFFuser-AGENT: * # semua\r\n\r\nDISALLOW: /arsip # lama\r\nallow:/arsip/2026\r\n");

        Assert.False(rules.IsAllowed("/arsip/2019"));
        Assert.True(rules.IsAllowed("/arsip/2026/01"));
    }

    [Theory]
    [InlineData("/berita%20lama", "/berita%20lama/1")]
    [InlineData("/koperasi-é", "/koperasi-%C3%A9/daftar")]
    [InlineData("/koperasi-%c3%a9", "/koperasi-%C3%A9")]
    public void Patterns_and_paths_are_compared_percent_encoded(string pattern, string path)
    {
        Assert.False(Parse($"User-agent: *\nDisallow: {pattern}\n").IsAllowed(path));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed_and_disallow_all_forbids_everything_else()
    {
        var rules = RobotsRules.DisallowAll("robots.txt answered HTTP 503");

        Assert.True(rules.IsAllowed("/robots.txt"));
        Assert.False(rules.IsAllowed(new Uri("http://example.go.id/")));
        Assert.Equal("robots.txt answered HTTP 503", rules.Reason);
    }

    [Fact]
    public void A_full_address_is_matched_by_its_path_and_query()
    {
        var rules = Parse("User-agent: *\nDisallow: /*?cetak=1\n");

        Assert.False(rules.IsAllowed(new Uri("https://dinas.example.go.id/berita/1?cetak=1#atas")));
        Assert.True(rules.IsAllowed(new Uri("https://dinas.example.go.id/berita/1")));
    }
}
