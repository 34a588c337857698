using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Import;

namespace KopUkm.Dashboard.Tests.Features.Content.Import;

public sealed class ContentCsvParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_downloadable_template_reads_back_without_errors()
    {
        var parsed = ContentCsvParser.Parse(new MemoryStream(ContentImportEndpoints.Template()), Today);

        Assert.Null(parsed.FileError);
        Assert.Empty(parsed.Errors);
        Assert.Equal(
            [(ContentKind.WebsitePage, ContentChannel.Website, "UMK", "NIB-OSS"), (ContentKind.SocialPost, ContentChannel.Instagram, "UMK", null)],
            parsed.Rows.Select(r => (r.Kind, r.Channel, r.DivisionCode, r.ServiceCode)));
    }

    [Theory]
    [InlineData("Media_Sosial", ContentKind.SocialPost)]
    [InlineData("media-sosial", ContentKind.SocialPost)]
    [InlineData("PENGUMUMAN", ContentKind.Announcement)]
    [InlineData("Website Page", ContentKind.WebsitePage)]
    [InlineData("news", ContentKind.News)]
    public void Kinds_are_read_in_either_language_and_spelling(string text, ContentKind kind)
    {
        Assert.True(ContentCsvFormat.TryKind(text, out var read));
        Assert.Equal(kind, read);
    }

    [Theory]
    [InlineData("https://www.instagram.com/p/abc/", ContentChannel.Instagram)]
    [InlineData("https://m.facebook.com/diskopukm/posts/1", ContentChannel.Facebook)]
    [InlineData("https://youtu.be/abc", ContentChannel.YouTube)]
    [InlineData("https://twitter.com/diskopukm/status/1", ContentChannel.X)]
    [InlineData("https://diskopukm.jambiprov.go.id/berita", null)]
    [InlineData("https://notinstagram.com/p/abc", null)]
    public void Social_sites_are_known_by_their_host(string url, ContentChannel? channel) =>
        Assert.Equal(channel, ContentCsvFormat.SocialChannelOf(url));

    [Theory]
    [InlineData("https://diskopukm.jambiprov.go.id/layanan/standar-pelayanan-nib.html", "Standar Pelayanan Nib")]
    [InlineData("https://diskopukm.jambiprov.go.id/berita/pameran_umkm%202026/", "Pameran Umkm 2026")]
    [InlineData("https://diskopukm.jambiprov.go.id/", "diskopukm.jambiprov.go.id")]
    [InlineData("https://diskopukm.jambiprov.go.id/ppid?tab=berkala", "Ppid")]
    public void A_title_is_made_from_the_last_path_segment(string url, string title) =>
        Assert.Equal(title, ContentTitles.FromUrl(url));
}
