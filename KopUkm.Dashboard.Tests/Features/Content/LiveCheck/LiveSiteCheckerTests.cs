using System.Diagnostics;
using KopUkm.Dashboard.Features.Content.Fetch;
using KopUkm.Dashboard.Features.Content.LiveCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static KopUkm.Dashboard.Tests.Features.Content.LiveCheck.TestChecker;

namespace KopUkm.Dashboard.Tests.Features.Content.LiveCheck;

/// <summary>The checker against real local sites: every assertion about requests is what the server saw.</summary>
public sealed class LiveSiteCheckerTests
{
    private const string Etag = "\"v1\"";

    [Fact]
    public async Task A_known_etag_is_sent_as_if_none_match_and_a_304_is_unchanged_keeping_the_old_hash()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/page", context =>
        {
            context.Response.Headers.ETag = Etag;
            if (context.Request.Headers.IfNoneMatch == Etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<main>Isi</main>");
        }));
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/page"), etag: Etag, hash: "old-hash"))).Single();

        Assert.Equal(PageCheckOutcome.Unchanged, result.Outcome);
        Assert.Equal(304, result.HttpStatus);
        Assert.Equal("old-hash", result.ContentHash);
        Assert.Equal(Etag, result.ETag);
        var request = site.Requests.Single(r => r.PathAndQuery == "/page");
        Assert.Equal(Etag, request.Headers["If-None-Match"]);
        Assert.Equal("KopUkmDashboard/1.0 (+Dinas Koperasi dan UKM Provinsi Jambi)", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task A_known_last_modified_is_sent_as_if_modified_since_and_a_new_validator_is_returned_on_200()
    {
        var lastModified = new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
        await using var site = await TestSite.StartAsync(app => app.MapGet("/page", context =>
        {
            context.Response.Headers.ETag = "\"v2\"";
            context.Response.Headers.LastModified = "Fri, 27 Nov 2026 07:05:00 GMT";
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<main>Isi baru</main>");
        }));
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/page"), lastModified: lastModified))).Single();

        Assert.Equal("Fri, 20 Nov 2026 03:00:00 GMT", site.Requests.Single(r => r.PathAndQuery == "/page").Headers["If-Modified-Since"]);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("\"v2\"", result.ETag);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 5, 0, TimeSpan.Zero), result.LastModified);
    }

    [Fact]
    public async Task A_page_whose_only_changes_are_timestamps_and_nonces_keeps_its_hash()
    {
        string[] stamps = ["Jumat, 27 Nov 2026 14:05 WIB", "Sabtu, 28 November 2026 pukul 09.41 WIB"];
        var served = 0;
        await using var site = await TestSite.StartAsync(app => app.MapGet("/berita", () =>
        {
            var n = Interlocked.Increment(ref served) - 1;
            return TestSite.Html(
                $"<nav>Menu {n}</nav><main><h1>Pengumuman Pelatihan UMKM</h1><p>Diperbarui {stamps[n % 2]}</p>"
                + $"<p>Pendaftaran ditutup {(n == 0 ? "30/11/2026" : "2026-11-30")}.</p><span>{Guid.NewGuid():N}</span>"
                + $"<script>window.nonce = '{Guid.NewGuid()}';</script></main>");
        }));
        using var checker = Build(site);

        var first = (await checker.CheckAsync(Page(site.Url("/berita")))).Single();
        var second = (await checker.CheckAsync(Page(site.Url("/berita"), hash: first.ContentHash))).Single();

        Assert.Equal(PageCheckOutcome.Unchanged, first.Outcome);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
        Assert.Equal(PageCheckOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(2, served);
    }

    [Fact]
    public async Task A_page_whose_text_changed_is_changed_and_the_first_check_is_unchanged_with_a_hash()
    {
        var served = 0;
        await using var site = await TestSite.StartAsync(app => app.MapGet("/tarif", () =>
            TestSite.Html($"<main><p>Biaya pendaftaran: Rp {(Interlocked.Increment(ref served) == 1 ? "10.000" : "12.500")}</p></main>")));
        using var checker = Build(site);

        var first = (await checker.CheckAsync(Page(site.Url("/tarif")))).Single();
        var second = (await checker.CheckAsync(Page(site.Url("/tarif"), hash: first.ContentHash))).Single();

        Assert.Equal(PageCheckOutcome.Unchanged, first.Outcome);
        Assert.NotNull(first.ContentHash);
        Assert.Equal(PageCheckOutcome.Changed, second.Outcome);
        Assert.NotEqual(first.ContentHash, second.ContentHash);
    }

    [Theory]
    [InlineData(404, PageCheckOutcome.Broken)]
    [InlineData(410, PageCheckOutcome.Broken)]
    [InlineData(401, PageCheckOutcome.NeedsLogin)]
    [InlineData(403, PageCheckOutcome.NeedsLogin)]
    [InlineData(500, PageCheckOutcome.Error)]
    [InlineData(503, PageCheckOutcome.Error)]
    [InlineData(429, PageCheckOutcome.Error)]
    public async Task A_status_maps_to_its_outcome(int status, PageCheckOutcome expected)
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/page", () => Results.StatusCode(status)));
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/page"), hash: "old-hash"))).Single();

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(status, result.HttpStatus);
        Assert.Equal("old-hash", result.ContentHash);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_is_an_error_told_in_the_one_sentence()
    {
        await using var site = await TestSite.StartAsync(app => app.MapGet("/slow", async context =>
        {
            // Never answers: only the checker's own timeout can end the request.
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            await context.Response.WriteAsync("late");
        }));
        using var checker = Build(site, new() { ["Content:LiveCheck:Timeout"] = "00:00:00.300" });

        var result = (await checker.CheckAsync(Page(site.Url("/slow")))).Single();

        Assert.Equal(PageCheckOutcome.Error, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.Equal(FetchGuard.RefusedMessageKey, result.Error);
    }

    [Fact]
    public async Task A_host_that_does_not_answer_is_an_error_told_in_the_one_sentence()
    {
        Uri gone;
        await using (var site = await TestSite.StartAsync(_ => { }))
        {
            gone = site.Url("/page");
        }

        using var checker = Build([gone]);

        var result = (await checker.CheckAsync(Page(gone))).Single();

        Assert.Equal(PageCheckOutcome.Error, result.Outcome);
        Assert.Equal(FetchGuard.RefusedMessageKey, result.Error);
    }

    [Fact]
    public async Task A_page_disallowed_by_robots_txt_for_our_product_token_is_skipped_and_never_requested()
    {
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /\n\nUser-agent: KopUkmDashboard\nDisallow: /internal/\n");
            app.MapGet("/{**path}", () => TestSite.Html("<main>Publik</main>"));
        });
        using var checker = Build(site);

        var results = await checker.CheckAsync(Page(site.Url("/internal/laporan"), id: 1), Page(site.Url("/profil"), id: 2));

        var skipped = results.Single(r => r.ItemId == 1);
        Assert.Equal(PageCheckOutcome.SkippedByRobots, skipped.Outcome);
        Assert.Null(skipped.FinalUrl);
        Assert.Equal(PageCheckOutcome.Unchanged, results.Single(r => r.ItemId == 2).Outcome);
        Assert.Equal(0, site.CountOf("/internal/laporan"));
        Assert.Equal(1, site.CountOf("/robots.txt"));
        Assert.Contains("KopUkmDashboard/1.0", site.Requests[0].Headers["User-Agent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_per_host_and_again_after_the_cache_expires()
    {
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /rahasia\n");
            app.MapGet("/{**path}", () => TestSite.Html("<main>Publik</main>"));
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero));
        using var checker = Build(site, clock: clock);
        PageCheckRequest[] pages = [Page(site.Url("/rahasia/a"), id: 1), Page(site.Url("/profil"), id: 2)];

        var first = await checker.CheckAsync(pages);
        await checker.CheckAsync(pages);
        clock.Advance(TimeSpan.FromHours(23));
        var third = await checker.CheckAsync(pages);
        var robotsWithinADay = site.CountOf("/robots.txt");
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await checker.CheckAsync(pages);

        Assert.Equal(1, robotsWithinADay);
        Assert.Equal(2, site.CountOf("/robots.txt"));
        Assert.Equal(PageCheckOutcome.SkippedByRobots, third.Single(r => r.ItemId == 1).Outcome);
        Assert.Equal(0, site.CountOf("/rahasia/a"));
        Assert.Equal(4, site.CountOf("/profil"));
        Assert.Equal(clock.Start, first[0].CheckedAt);
    }

    [Fact]
    public async Task A_robots_txt_answering_5xx_skips_the_host_for_this_run_only()
    {
        var robotsServed = 0;
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Interlocked.Increment(ref robotsServed) == 1
                ? Results.StatusCode(503)
                : Results.Text("User-agent: *\nDisallow:\n"));
            app.MapGet("/profil", () => TestSite.Html("<main>Profil</main>"));
        });
        using var checker = Build(site);

        var first = (await checker.CheckAsync(Page(site.Url("/profil")), Page(site.Url("/profil"), id: 2))).ToList();
        var second = (await checker.CheckAsync(Page(site.Url("/profil")))).Single();

        Assert.All(first, r => Assert.Equal(PageCheckOutcome.SkippedByRobots, r.Outcome));
        Assert.Contains("503", first[0].Error, StringComparison.Ordinal);
        Assert.Equal(PageCheckOutcome.Unchanged, second.Outcome);
        Assert.Equal(2, robotsServed);
        Assert.Equal(1, site.CountOf("/profil"));
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_configured_rate()
    {
        await using var site = await StartPlainSiteAsync();
        using var checker = Build(site, new() { ["Content:LiveCheck:RequestsPerSecondPerHost"] = "5" });

        var results = await checker.CheckAsync([.. Enumerable.Range(1, 5).Select(i => Page(site.Url($"/p/{i}"), id: i))]);

        Assert.All(results, r => Assert.Equal(PageCheckOutcome.Unchanged, r.Outcome));
        AssertSpaced(site.Requests, expectedCount: 6);
    }

    [Fact]
    public async Task No_one_second_window_at_the_server_holds_more_requests_than_the_configured_rate()
    {
        await using var site = await StartPlainSiteAsync();
        using var checker = Build(site, new() { ["Content:LiveCheck:RequestsPerSecondPerHost"] = "10" });

        var results = await checker.CheckAsync([.. Enumerable.Range(1, 25).Select(i => Page(site.Url($"/p/{i}"), id: i))]);

        Assert.All(results, r => Assert.Equal(PageCheckOutcome.Unchanged, r.Outcome));
        Assert.Equal(26, site.Requests.Count);
        AssertAtMostPerSecond(site.Requests, 10);
    }

    [Fact]
    public async Task Two_hosts_are_checked_in_parallel_each_at_its_own_rate()
    {
        await using var first = await StartPlainSiteAsync();
        await using var second = await StartPlainSiteAsync();
        using var checker = Build([first.BaseUrl, second.BaseUrl], new() { ["Content:LiveCheck:RequestsPerSecondPerHost"] = "5" });
        var pages = Enumerable.Range(1, 5)
            .SelectMany(i => new[] { Page(first.Url($"/p/{i}"), id: i), Page(second.Url($"/p/{i}"), id: 10 + i) })
            .ToArray();
        var results = await checker.CheckAsync(pages);

        Assert.Equal(10, results.Count);
        AssertSpaced(first.Requests, expectedCount: 6);
        AssertSpaced(second.Requests, expectedCount: 6);
        // Side by side, not one host after the other: each host's requests begin before the other's end.
        Assert.True(second.Requests[0].Timestamp < first.Requests[^1].Timestamp);
        Assert.True(first.Requests[0].Timestamp < second.Requests[^1].Timestamp);
    }

    [Fact]
    public async Task Redirects_are_followed_and_each_hop_is_recorded()
    {
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/lama", () => Results.Redirect("/pindah", permanent: true));
            app.MapGet("/pindah", (HttpContext context) => Results.Redirect($"http://{context.Request.Host}/baru"));
            app.MapGet("/baru", () => TestSite.Html("<main>Halaman baru</main>"));
        });
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/lama")))).Single();

        Assert.Equal(PageCheckOutcome.Unchanged, result.Outcome);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal([site.Url("/pindah"), site.Url("/baru")], result.Redirects);
        Assert.Equal(site.Url("/baru"), result.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_loop_is_an_error_after_five_hops()
    {
        await using var site = await TestSite.StartAsync(app =>
            app.MapGet("/putar/{n:int}", (int n) => Results.Redirect($"/putar/{n + 1}")));
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/putar/0")))).Single();

        Assert.Equal(PageCheckOutcome.Error, result.Outcome);
        Assert.Equal(LiveSiteChecker.MaxRedirects, result.Redirects.Count);
        Assert.Contains("redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(LiveSiteChecker.MaxRedirects + 1, site.Requests.Count(r => r.PathAndQuery.StartsWith("/putar/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Broken_internal_links_are_reported_on_every_page_but_each_is_requested_once()
    {
        const string links = """
            <nav><a href="/ok">Beranda</a></nav>
            <main>
              <a href="/ok#bagian">Beranda lagi</a> <a href="hilang">Hilang</a> <a href="/dihapus">Dihapus</a>
              <a href="/rusak">Rusak</a> <a href="/hanya-get">Hanya GET</a> <a href="/privat/x">Privat</a>
              <a href="mailto:info@example.go.id">Surel</a> <a href="tel:0741123">Telepon</a>
              <a href="javascript:void(0)">Skrip</a> <a href="http://127.0.0.2:9/luar">Situs lain</a>
            </main>
            """;
        await using var site = await TestSite.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => "User-agent: *\nDisallow: /privat/\n");
            app.MapMethods("/ok", ["GET", "HEAD"], () => Results.Ok());
            app.MapMethods("/dihapus", ["GET", "HEAD"], () => Results.StatusCode(410));
            app.MapMethods("/rusak", ["GET", "HEAD"], () => Results.StatusCode(500));
            app.MapGet("/hanya-get", () => "ada");
            app.MapGet("/halaman/{n:int}", () => TestSite.Html(links));
        });
        using var checker = Build(site);

        var results = await checker.CheckAsync(Page(site.Url("/halaman/1"), id: 1), Page(site.Url("/halaman/2"), id: 2));

        LinkProblem[] expected =
        [
            new(site.Url("/halaman/hilang"), 404, PageCheckOutcome.Broken),
            new(site.Url("/dihapus"), 410, PageCheckOutcome.Broken),
            new(site.Url("/rusak"), 500, PageCheckOutcome.Error),
        ];
        Assert.All(results, r => Assert.Equal(expected, r.BrokenLinks));
        Assert.Equal(1, site.CountOf("/ok"));
        Assert.Equal(1, site.CountOf("/halaman/hilang", "HEAD"));
        Assert.Equal(1, site.CountOf("/rusak"));
        Assert.Equal(1, site.CountOf("/hanya-get", "HEAD"));
        Assert.Equal(1, site.CountOf("/hanya-get", "GET"));
        Assert.Equal(0, site.CountOf("/privat/x"));
    }

    [Fact]
    public async Task A_body_that_is_not_html_is_fingerprinted_by_its_bytes()
    {
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37];
        await using var site = await TestSite.StartAsync(app => app.MapGet("/laporan.pdf", () => Results.Bytes(pdf, "application/pdf")));
        using var checker = Build(site);

        var result = (await checker.CheckAsync(Page(site.Url("/laporan.pdf"), hash: "old-hash"))).Single();

        Assert.Equal(PageCheckOutcome.Changed, result.Outcome);
        Assert.Equal(PageText.Hash(pdf), result.ContentHash);
    }

    [Fact]
    public async Task Settings_outside_the_crawling_policy_are_refused()
    {
        using var checker = Build([new Uri("http://127.0.0.1/")], new() { ["Content:LiveCheck:RobotsCacheDuration"] = "2.00:00:00" });

        await Assert.ThrowsAsync<OptionsValidationException>(() => checker.CheckAsync(Page(new Uri("http://127.0.0.1/"))));
    }

    private static Task<TestSite> StartPlainSiteAsync() =>
        TestSite.StartAsync(app => app.MapGet("/p/{n:int}", (int n) => TestSite.Html($"<main>Halaman {n}</main>")));

    /// <summary>At 5 a second: every gap between arrivals is at least 200 ms, measured in the server's own clock ticks.</summary>
    private static void AssertSpaced(IReadOnlyList<SeenRequest> requests, int expectedCount)
    {
        Assert.Equal(expectedCount, requests.Count);
        Assert.Equal("/robots.txt", requests[0].PathAndQuery);
        for (var i = 1; i < requests.Count; i++)
        {
            var ticks = requests[i].Timestamp - requests[i - 1].Timestamp;
            Assert.True(ticks >= Stopwatch.Frequency / 5, $"gap {i} was {requests[i].Since(requests[i - 1]).TotalMilliseconds:0.000} ms");
        }

        AssertAtMostPerSecond(requests, 5);
    }

    /// <summary>Any one-second window holds at most <paramref name="perSecond"/> arrivals: request k + N comes a full second after request k.</summary>
    private static void AssertAtMostPerSecond(IReadOnlyList<SeenRequest> requests, int perSecond)
    {
        for (var k = 0; k + perSecond < requests.Count; k++)
        {
            var ticks = requests[k + perSecond].Timestamp - requests[k].Timestamp;
            Assert.True(
                ticks >= Stopwatch.Frequency,
                $"requests {k}..{k + perSecond} arrived within {requests[k + perSecond].Since(requests[k]).TotalMilliseconds:0.000} ms");
        }
    }
}
