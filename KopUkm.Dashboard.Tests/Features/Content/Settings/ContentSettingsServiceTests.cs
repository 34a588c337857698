using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Content;
using KopUkm.Dashboard.Features.Content.Settings;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Features.Content.Settings;

public sealed class ContentSettingsServiceTests : IAsyncLifetime
{
    private TestServices app = default!;
    private Dictionary<string, int> divisions = [];

    public async Task InitializeAsync()
    {
        app = await TestServices.CreateAsync();
        divisions = await app.DivisionIdsAsync();
        app.ActAs(AppRoles.Administrator, divisions["TI"], "admin");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private ContentSettingsService Settings => app.Get<ContentSettingsService>();

    [Fact]
    public async Task A_new_installation_has_the_default_rules_and_targets()
    {
        var rules = await Settings.ListRulesAsync();
        var targets = await Settings.ListTargetsAsync();

        Assert.Equal(ContentReferenceSeeder.DefaultRules.Count, rules.Count);
        Assert.Contains(rules, r => r.Prefix == "/koperasi/pengawasan" && r.DivisionCode == "PWS");
        Assert.Equal(ContentReferenceSeeder.DefaultTargets.Count, targets.Count);
        Assert.Contains(targets, t => (t.DivisionCode, t.Channel, t.TargetDays) == ("TI", ContentChannel.YouTube, 30));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_administrator_changes()
    {
        var rule = (await Settings.ListRulesAsync())[0];
        Assert.True((await Settings.DeleteRuleAsync(rule.Id, rule.Version)).Succeeded);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await StartupTasks.SeedReferenceDataAsync(scope.ServiceProvider);
        }

        Assert.Equal(ContentReferenceSeeder.DefaultRules.Count - 1, (await Settings.ListRulesAsync()).Count);
    }

    [Fact]
    public async Task A_rule_is_added_tidied_edited_and_deleted()
    {
        var added = await Settings.SaveRuleAsync(new UrlRuleItem(0, " /layanan/konsultasi-koperasi/jadwal/ ", divisions["PMK"], "", "", 0));
        Assert.True(added.Succeeded);
        var rule = (await Settings.ListRulesAsync()).Single(r => r.Prefix == "/layanan/konsultasi-koperasi/jadwal");
        Assert.Equal("PMK", rule.DivisionCode);

        Assert.True((await Settings.SaveRuleAsync(rule with { DivisionId = divisions["KLM"] })).Succeeded);
        rule = (await Settings.ListRulesAsync()).Single(r => r.Id == rule.Id);
        Assert.Equal(("KLM", 2L), (rule.DivisionCode, rule.Version));

        Assert.True((await Settings.DeleteRuleAsync(rule.Id, rule.Version)).Succeeded);
        Assert.DoesNotContain(await Settings.ListRulesAsync(), r => r.Id == rule.Id);
    }

    [Theory]
    [InlineData("layanan/koperasi", "ContentSettings.PrefixInvalid")]
    [InlineData("", "Validation.Required")]
    [InlineData("/KOPERASI/", "ContentSettings.PrefixTaken")]
    public async Task A_bad_or_taken_prefix_is_refused_beside_the_field(string prefix, string key)
    {
        var result = await Settings.SaveRuleAsync(new UrlRuleItem(0, prefix, divisions["KLM"], "", "", 0));

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(UrlRuleItem.Prefix), key), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task A_rule_needs_an_active_division()
    {
        var result = await Settings.SaveRuleAsync(new UrlRuleItem(0, "/galeri", 0, "", "", 0));

        Assert.Equal(nameof(UrlRuleItem.DivisionId), Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task Two_administrators_editing_the_same_rule_get_a_conflict_instead_of_overwriting()
    {
        var rule = (await Settings.ListRulesAsync()).Single(r => r.Prefix == "/umkm");

        Assert.True((await Settings.SaveRuleAsync(rule with { Prefix = "/umkm/layanan" })).Succeeded);
        var second = await Settings.SaveRuleAsync(rule with { DivisionId = divisions["PLUT"] });
        var delete = await Settings.DeleteRuleAsync(rule.Id, rule.Version);

        Assert.True(second.IsConflict);
        Assert.True(delete.IsConflict);
        var saved = (await Settings.ListRulesAsync()).Single(r => r.Id == rule.Id);
        Assert.Equal(("/umkm/layanan", "UMK"), (saved.Prefix, saved.DivisionCode));
    }

    [Fact]
    public async Task Testing_a_url_names_the_division_and_the_rule_or_the_fallback()
    {
        var matched = await Settings.TestUrlAsync("https://diskopukm.jambiprov.go.id/koperasi/pengawasan/ksp-sehat");
        var fallback = await Settings.TestUrlAsync("https://diskopukm.jambiprov.go.id/galeri");

        Assert.Equal(("/koperasi/pengawasan", "PWS"), (matched?.Prefix, matched?.DivisionCode));
        Assert.Equal((null, "SEK"), (fallback?.Prefix, fallback?.DivisionCode));
        Assert.Null(await Settings.TestUrlAsync("bukan alamat"));
    }

    [Fact]
    public async Task A_target_is_added_edited_and_deleted_within_one_to_ninety_days()
    {
        var item = new CadenceTargetItem(0, divisions["PMK"], "", "", ContentChannel.Facebook, 14, 0);
        Assert.True((await Settings.SaveTargetAsync(item)).Succeeded);
        var target = (await Settings.ListTargetsAsync()).Single(t => t.DivisionCode == "PMK");

        Assert.Equal(nameof(CadenceTargetItem.TargetDays), Assert.Single((await Settings.SaveTargetAsync(target with { TargetDays = 91 })).Errors).Field);
        Assert.Equal(nameof(CadenceTargetItem.TargetDays), Assert.Single((await Settings.SaveTargetAsync(target with { TargetDays = 0 })).Errors).Field);
        Assert.True((await Settings.SaveTargetAsync(target with { TargetDays = 90 })).Succeeded);
        Assert.True((await Settings.SaveTargetAsync(target with { TargetDays = 1 })).IsConflict);

        target = (await Settings.ListTargetsAsync()).Single(t => t.DivisionCode == "PMK");
        Assert.Equal(90, target.TargetDays);
        Assert.True((await Settings.DeleteTargetAsync(target.Id, target.Version)).Succeeded);
    }

    [Fact]
    public async Task One_target_per_division_and_social_channel()
    {
        var twice = await Settings.SaveTargetAsync(new CadenceTargetItem(0, divisions["TI"], "", "", ContentChannel.Instagram, 3, 0));
        var website = await Settings.SaveTargetAsync(new CadenceTargetItem(0, divisions["TI"], "", "", ContentChannel.Website, 3, 0));

        Assert.Equal("ContentSettings.TargetTaken", Assert.Single(twice.Errors).MessageKey);
        Assert.Equal("ContentSettings.SocialChannelOnly", Assert.Single(website.Errors).MessageKey);
    }

    [Theory]
    [InlineData(AppRoles.StafTI)]
    [InlineData(AppRoles.KepalaBidang)]
    [InlineData(AppRoles.Pimpinan)]
    [InlineData(AppRoles.Petugas)]
    public async Task Only_administrators_see_or_change_the_settings(string role)
    {
        app.ActAs(role, divisions["TI"], "someone");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.ListRulesAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.SaveRuleAsync(new UrlRuleItem(0, "/x", divisions["TI"], "", "", 0)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.TestUrlAsync("https://contoh.go.id/x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.ListTargetsAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.SaveTargetAsync(new CadenceTargetItem(0, divisions["TI"], "", "", ContentChannel.X, 3, 0)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Settings.DeleteTargetAsync(1, 1));
        await using var db = await app.DbAsync();
        Assert.False(await db.Set<ContentUrlRule>().AnyAsync(r => r.Prefix == "/x"));
    }
}
