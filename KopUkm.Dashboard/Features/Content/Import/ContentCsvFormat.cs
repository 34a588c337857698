namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// The inventory CSV layout (docs/content.md, "Inventory import"): one column per field, the header naming each in
/// Indonesian or English, any case and order. Only <c>url</c> is required; values are words editors use.
/// </summary>
public static class ContentCsvFormat
{
    public enum Column
    {
        Url,
        Title,
        Kind,
        Channel,
        Division,
        Category,
        IntervalDays,
        EditorEmail,
        Published,
        Service,
    }

    /// <summary>The template's header: the Indonesian name of every column, in this order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["url", "judul", "jenis", "kanal", "bidang", "kategori", "interval_hari", "editor_email", "terbit", "layanan"];

    private static readonly Dictionary<string, Column> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["url"] = Column.Url,
        ["alamat"] = Column.Url,
        ["judul"] = Column.Title,
        ["title"] = Column.Title,
        ["jenis"] = Column.Kind,
        ["kind"] = Column.Kind,
        ["kanal"] = Column.Channel,
        ["channel"] = Column.Channel,
        ["bidang"] = Column.Division,
        ["division"] = Column.Division,
        ["kategori"] = Column.Category,
        ["category"] = Column.Category,
        ["interval_hari"] = Column.IntervalDays,
        ["review_interval_days"] = Column.IntervalDays,
        ["editor_email"] = Column.EditorEmail,
        ["email_editor"] = Column.EditorEmail,
        ["terbit"] = Column.Published,
        ["published"] = Column.Published,
        ["layanan"] = Column.Service,
        ["service"] = Column.Service,
    };

    private static readonly Dictionary<string, ContentKind> Kinds = Words(new Dictionary<ContentKind, string[]>
    {
        [ContentKind.WebsitePage] = ["halaman", "halaman web", "halaman situs", "page", "web page", "website page", "websitepage"],
        [ContentKind.News] = ["berita", "news"],
        [ContentKind.Announcement] = ["pengumuman", "announcement"],
        [ContentKind.SocialPost] = ["media sosial", "medsos", "unggahan", "postingan", "sosial", "social", "social post", "socialpost", "post"],
    });

    private static readonly Dictionary<string, ContentChannel> Channels = Words(new Dictionary<ContentChannel, string[]>
    {
        [ContentChannel.Website] = ["situs", "situs web", "website", "web"],
        [ContentChannel.Instagram] = ["instagram", "ig"],
        [ContentChannel.Facebook] = ["facebook", "fb"],
        [ContentChannel.YouTube] = ["youtube", "yt"],
        [ContentChannel.X] = ["x", "twitter"],
    });

    private static readonly Dictionary<string, InformationCategory> Categories = Words(new Dictionary<InformationCategory, string[]>
    {
        [InformationCategory.Berkala] = ["berkala", "periodic", "periodical"],
        [InformationCategory.SertaMerta] = ["serta merta", "sertamerta", "immediate"],
        [InformationCategory.SetiapSaat] = ["setiap saat", "setiapsaat", "always available", "at all times"],
        [InformationCategory.Berita] = ["berita", "news"],
    });

    /// <summary>Social sites by host, so a post's channel can be left blank.</summary>
    private static readonly (string Host, ContentChannel Channel)[] SocialHosts =
    [
        ("instagram.com", ContentChannel.Instagram),
        ("facebook.com", ContentChannel.Facebook),
        ("fb.com", ContentChannel.Facebook),
        ("fb.watch", ContentChannel.Facebook),
        ("youtube.com", ContentChannel.YouTube),
        ("youtu.be", ContentChannel.YouTube),
        ("x.com", ContentChannel.X),
        ("twitter.com", ContentChannel.X),
    ];

    public static Column? ColumnOf(string header) => Names.TryGetValue(header.Trim().TrimStart('\uFEFF'), out var column) ? column : null;

    public static bool TryKind(string text, out ContentKind kind) => Kinds.TryGetValue(Key(text), out kind);

    public static bool TryChannel(string text, out ContentChannel channel) => Channels.TryGetValue(Key(text), out channel);

    public static bool TryCategory(string text, out InformationCategory category) => Categories.TryGetValue(Key(text), out category);

    /// <summary>The social channel an address belongs to (www. and m. subdomains included), or null for any other site.</summary>
    public static ContentChannel? SocialChannelOf(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        foreach (var (socialHost, channel) in SocialHosts)
        {
            if (host == socialHost || host.EndsWith("." + socialHost, StringComparison.Ordinal))
            {
                return channel;
            }
        }

        return null;
    }

    /// <summary>"Media_Sosial", "media-sosial" and "MEDIA SOSIAL" are the same word.</summary>
    private static string Key(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, T> Words<T>(Dictionary<T, string[]> words)
        where T : notnull =>
        words.SelectMany(w => w.Value.Select(v => (Word: v, w.Key))).ToDictionary(w => w.Word, w => w.Key, StringComparer.Ordinal);
}
