using KopUkm.Dashboard.Features.Content.Settings;

namespace KopUkm.Dashboard.Tests.Features.Content.Settings;

public sealed class ContentUrlRuleMatcherTests
{
    private static readonly ContentUrlRuleMatcher Matcher = new(
    [
        new(1, "/koperasi", 2),
        new(2, "/koperasi/pengawasan", 3),
        new(3, "/Layanan/NIB-OSS", 5),
        new(4, "https://diskopukm.jambiprov.go.id/koperasi", 7),
        new(5, "https://plut.jambiprov.go.id", 6),
        new(6, "https://www.instagram.com/umkm.jambi", 5),
    ]);

    [Theory]
    [InlineData("https://contoh.go.id/koperasi/pengawasan/jadwal", 2)]
    [InlineData("https://contoh.go.id/koperasi/pengawasan", 2)]
    [InlineData("https://contoh.go.id/koperasi/pendaftaran", 1)]
    [InlineData("https://contoh.go.id/layanan/nib-oss/syarat", 3)]
    [InlineData("https://contoh.go.id/LAYANAN/Nib-Oss", 3)]
    [InlineData("https://plut.jambiprov.go.id/", 5)]
    [InlineData("https://plut.jambiprov.go.id/klinik/jadwal?hari=senin", 5)]
    public void The_longest_matching_prefix_wins(string url, int ruleId) => Assert.Equal(ruleId, Matcher.Match(url)?.Id);

    [Theory]
    [InlineData("https://contoh.go.id/koperasi-syariah")]
    [InlineData("https://contoh.go.id/layanan/nib-oss-lama")]
    [InlineData("https://contoh.go.id/")]
    public void A_prefix_matches_whole_path_segments_only(string url) => Assert.Null(Matcher.Match(url));

    [Fact]
    public void A_rule_naming_the_host_beats_a_path_rule_of_the_same_length_but_not_a_longer_one()
    {
        Assert.Equal(4, Matcher.Match("https://diskopukm.jambiprov.go.id/koperasi/rat")?.Id);
        Assert.Equal(2, Matcher.Match("https://diskopukm.jambiprov.go.id/koperasi/pengawasan/ksp")?.Id);
    }

    [Fact]
    public void Outside_the_office_site_only_rules_naming_the_host_apply()
    {
        Assert.Null(Matcher.Match("https://www.facebook.com/koperasi/posts/1", pathRulesApply: false));
        Assert.Equal(6, Matcher.Match("https://www.instagram.com/umkm.jambi/p/abc", pathRulesApply: false)?.Id);
    }

    [Theory]
    [InlineData("/layanan/koperasi/", "/layanan/koperasi")]
    [InlineData(" /umkm ", "/umkm")]
    [InlineData("/", "/")]
    [InlineData("https://Diskopukm.Jambiprov.go.id/Berita/", "https://diskopukm.jambiprov.go.id/Berita")]
    [InlineData("http://plut.jambiprov.go.id", "http://plut.jambiprov.go.id")]
    public void Prefixes_are_tidied(string typed, string stored)
    {
        Assert.True(ContentUrlRuleMatcher.TryNormalize(typed, out var prefix, out _));
        Assert.Equal(stored, prefix);
    }

    [Theory]
    [InlineData("", "Validation.Required")]
    [InlineData("layanan/koperasi", "ContentSettings.PrefixInvalid")]
    [InlineData("//evil.example/x", "ContentSettings.PrefixInvalid")]
    [InlineData("/layanan koperasi", "ContentSettings.PrefixInvalid")]
    [InlineData("/cari?q=koperasi", "ContentSettings.PrefixInvalid")]
    [InlineData("ftp://diskopukm.jambiprov.go.id/arsip", "ContentSettings.PrefixInvalid")]
    public void Other_prefixes_are_refused_with_a_reason(string typed, string key)
    {
        Assert.False(ContentUrlRuleMatcher.TryNormalize(typed, out _, out var error));
        Assert.Equal(key, error);
    }
}
