using Bunit;
using KopUkm.Dashboard.Features.Guide;
using KopUkm.Dashboard.Features.Guide.Pages;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Guide;

/// <summary>The guide page ("Panduan") rendered with bunit over the real services: the reader's role first, the texts as safe HTML.</summary>
public sealed class GuidePageTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        app = await TestServices.CreateAsync(validateScopes: false);
        UseApp(app);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData(AppRoles.Petugas, "Panduan Petugas")]
    [InlineData(AppRoles.KepalaBidang, "Panduan Kepala Bidang")]
    [InlineData(AppRoles.StafTI, "Panduan Staf TI")]
    [InlineData(AppRoles.Pimpinan, "Panduan Pimpinan")]
    [InlineData(AppRoles.Administrator, "Panduan Administrator")]
    public void Each_role_reads_its_own_guide_first_then_the_topics_and_may_open_the_other_roles(string role, string title)
    {
        Act(role);

        var page = Render<GuidePage>();

        var own = page.Find("[data-testid=guide-own-role]");
        Assert.Equal(role, own.GetAttribute("data-role"));
        Assert.Equal(title, own.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("Tiga hal yang dikerjakan lebih dulu", own.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, own.QuerySelectorAll("ol > li").Length);

        // The topics the pages' "?" open follow, each under its own id.
        foreach (var topic in GuideTexts.Topics)
        {
            Assert.NotNull(page.Find($"section#{topic}"));
        }

        Assert.Contains("7,5 jam kerja", page.Find("section#jam-sla").TextContent, StringComparison.Ordinal);
        Assert.Contains("Oranye", page.Find("section#warna").TextContent, StringComparison.Ordinal);

        // The other four roles, folded, after everything else; the reader's own role is not among them.
        var others = page.FindAll("[data-testid=guide-other-role]").Select(d => d.GetAttribute("data-role")).ToList();
        Assert.Equal(AppRoles.All.Where(r => r != role), others);
        Assert.All(page.FindAll("[data-testid=guide-other-role]"), d => Assert.False(d.HasAttribute("open")));
        var markup = page.Markup;
        Assert.True(markup.IndexOf("data-testid=\"guide-own-role\"", StringComparison.Ordinal) < markup.IndexOf("id=\"warna\"", StringComparison.Ordinal));
        Assert.True(markup.IndexOf("id=\"notifikasi\"", StringComparison.Ordinal) < markup.IndexOf("data-testid=\"guide-other-role\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_guide_is_in_English_for_a_reader_who_chose_English()
    {
        UseCulture("en-US");
        Act(AppRoles.Petugas);

        var page = Render<GuidePage>();

        Assert.Equal("Guide for officers", page.Find("[data-testid=guide-own-role] h2").TextContent.Trim());
        Assert.Contains("7.5 working hours", page.Find("section#jam-sla").TextContent, StringComparison.Ordinal);
        Assert.Equal("Guide", page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public void Every_guide_text_exists_in_both_languages_and_starts_with_its_title()
    {
        var texts = new GuideTexts();
        foreach (var culture in new[] { "id-ID", "en-US" })
        {
            UseCulture(culture);
            foreach (var role in AppRoles.All)
            {
                var guide = texts.For(FakeCurrentUser.As(role));
                Assert.All(new[] { guide.OwnRole }.Concat(guide.Topics).Concat(guide.OtherRoles), s =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(s.Title));
                    Assert.Matches("^<(p|ul|ol)>", s.Html.TrimStart());
                });
            }
        }
    }

    private void Act(string role)
    {
        app.ActAs(role);
        SignInAs(role);
    }
}

/// <summary>A guide text's HTML is never rendered as HTML: the guide uses the standards' safe Markdown (raw HTML disabled).</summary>
public sealed class GuideMarkdownSafetyTests : AppBunitContext, IAsyncLifetime
{
    private TestServices app = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        var texts = new GuideTexts((_, name) =>
            $"## Judul {name}\n<script>alert('x')</script> <b>tebal</b> [tautan](javascript:alert(1)) [aman](/layanan)\n");
        app = await TestServices.CreateAsync(validateScopes: false);
        // The app's real services, but these texts (bunit takes no new registrations once its context is built).
        Services.AddFallbackServiceProvider(new WithTexts(texts, app.Services));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public void Html_in_a_guide_text_is_shown_as_text_and_unsafe_links_are_dropped()
    {
        app.ActAs(AppRoles.Petugas);
        SignInAs(AppRoles.Petugas);

        var page = Render<GuidePage>();

        var own = page.Find("[data-testid=guide-own-role]");
        Assert.Equal("Judul Petugas", own.QuerySelector("h2")!.TextContent.Trim());
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(own.QuerySelectorAll("b"));
        Assert.Contains("<script>alert('x')</script>", own.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.FindAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(own.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/layanan");
    }

    private sealed class WithTexts(GuideTexts texts, IServiceProvider app) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(GuideTexts) ? texts : app.GetService(serviceType);
    }
}
