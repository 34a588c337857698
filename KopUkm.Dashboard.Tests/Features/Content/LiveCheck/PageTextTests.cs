using KopUkm.Dashboard.Features.Content.LiveCheck;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

public sealed class PageTextTests
{
    [Fact]
    public void The_main_element_is_the_text_and_the_rest_of_the_page_is_ignored()
    {
        var text = PageText.Normalise("<body><div>Sidebar</div><main><h1>Judul</h1><p>Isi</p></main><div>Iklan</div></body>");

        Assert.Equal("Judul Isi", text);
    }

    [Fact]
    public void Role_main_stands_in_for_main_then_articles_then_the_body()
    {
        Assert.Equal("Isi", PageText.Normalise("<body><div>Menu</div><div role=\"main\">Isi</div></body>"));
        Assert.Equal("Satu Dua", PageText.Normalise("<body><div>Menu</div><article>Satu</article><article>Dua</article></body>"));
        Assert.Equal("Luar Dalam", PageText.Normalise("<body><article>Luar <article>Dalam</article></article></body>"));
        Assert.Equal("Semua teks", PageText.Normalise("<body><div>Semua</div><div>teks</div></body>"));
    }

    [Fact]
    public void Scripts_styles_navigation_headers_footers_and_forms_are_dropped()
    {
        var text = PageText.Normalise("""
            <body><header>Logo</header><nav>Menu</nav>
            <main>Isi<script>var x = 1;</script><style>p{}</style><noscript>Aktifkan JS</noscript>
            <form><label>Cari</label><input></form><footer>Hak cipta</footer></main>
            <footer>Alamat kantor</footer></body>
            """);

        Assert.Equal("Isi", text);
    }

    [Fact]
    public void Whitespace_is_collapsed_and_separate_elements_do_not_run_together()
    {
        var text = PageText.Normalise("<main><p>  Satu\n\n  baris </p><p>Dua</p>\t<span>Tiga</span></main>");

        Assert.Equal("Satu baris Dua Tiga", text);
    }

    [Theory]
    [InlineData("27 November 2026")]
    [InlineData("27 Nopember 2026")]
    [InlineData("27 Nov 2026")]
    [InlineData("27 Nov. 2026")]
    [InlineData("Jumat, 27 Nov 2026")]
    [InlineData("Jum'at, 27 November 2026")]
    [InlineData("Friday, November 27, 2026")]
    [InlineData("Nov 27th, 2026")]
    [InlineData("27th November 2026")]
    [InlineData("27/11/2026")]
    [InlineData("27-11-2026")]
    [InlineData("27.11.2026")]
    [InlineData("27/11/26")]
    [InlineData("Senin, 30/11/2026")]
    [InlineData("2026-11-27")]
    [InlineData("2026/11/27")]
    [InlineData("2026-11-27T14:05:33+07:00")]
    [InlineData("2026-11-27 14:05:33.123Z")]
    [InlineData("14:05")]
    [InlineData("14:05:59")]
    [InlineData("2:05 PM")]
    [InlineData("14:05 WIB")]
    [InlineData("pukul 14.05")]
    [InlineData("14.05 WIB")]
    [InlineData("3 jam yang lalu")]
    [InlineData("5 menit lalu")]
    [InlineData("2 hours ago")]
    public void Dates_and_times_in_indonesian_and_english_are_removed(string stamp)
    {
        Assert.Equal("Diperbarui selesai", PageText.NormaliseText($"Diperbarui {stamp} selesai"));
    }

    [Theory]
    [InlineData("a8F3kL9qZ2xP7mN4vB1c")]
    [InlineData("3f786850e387550fdab836ed7e6dc881de23001b")]
    [InlineData("c2Vzc2lvbi1ub25jZS12YWx1ZQ==")]
    [InlineData("5b1f8e2a-4c3d-4e5f-9a7b-1c2d3e4f5a6b")]
    [InlineData("SessionIdAbcDefGhiJkl")]
    public void Nonce_like_tokens_of_sixteen_or_more_characters_are_removed(string nonce)
    {
        Assert.Equal("token akhir", PageText.NormaliseText($"token {nonce} akhir"));
    }

    [Theory]
    [InlineData("pertanggungjawaban keuangan")]
    [InlineData("NIK 1571012345678901")]
    [InlineData("Biaya Rp 10.000")]
    [InlineData("versi 1.5.10")]
    [InlineData("Laporan November 2026")]
    [InlineData("kode a8F3kL9q")]
    [InlineData("Rapat hari Senin, di aula")]
    public void Content_that_only_looks_like_a_date_or_token_is_kept(string content)
    {
        Assert.Equal(content, PageText.NormaliseText(content));
    }

    [Fact]
    public void Pages_differing_only_in_timestamps_and_nonces_hash_the_same_and_a_text_change_does_not()
    {
        static string Page(string stamp, string nonce, string price) =>
            PageText.Hash(PageText.Normalise(
                $"<main><p>Diperbarui {stamp}</p><p>Harga Rp {price}</p><small>{nonce}</small><script>n='{nonce}'</script></main>"));

        var before = Page("Jumat, 27 Nov 2026 14:05 WIB", "a8F3kL9qZ2xP7mN4vB1c", "10.000");
        var after = Page("Sabtu, 28/11/2026 09:41", "Zq7Y2mK1pR8sT3wV6xN0", "10.000");
        var changed = Page("Sabtu, 28/11/2026 09:41", "Zq7Y2mK1pR8sT3wV6xN0", "12.500");

        Assert.Equal(before, after);
        Assert.NotEqual(before, changed);
        Assert.Matches("^[0-9a-f]{64}$", before);
    }
}
