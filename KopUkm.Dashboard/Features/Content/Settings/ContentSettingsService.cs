using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.Content.Settings;

/// <summary>
/// What administrators maintain for content: the URL prefix rules that give imported pages an owner division, and
/// each division's posting target per social channel. Every change pins the row's version, so two administrators
/// editing the same row get a conflict instead of overwriting each other.
/// </summary>
public sealed class ContentSettingsService(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, IOptions<ContentImportOptions> importOptions)
{
    /// <summary>The channels a cadence target can be set for: every channel but the website.</summary>
    public static IReadOnlyList<ContentChannel> SocialChannels { get; } =
        [ContentChannel.Instagram, ContentChannel.Facebook, ContentChannel.YouTube, ContentChannel.X];

    public async Task<IReadOnlyList<UrlRuleItem>> ListRulesAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await (from r in db.Set<ContentUrlRule>().AsNoTracking()
                           join d in db.Set<Division>() on r.DivisionId equals d.Id
                           select new UrlRuleItem(r.Id, r.Prefix, r.DivisionId, d.Code, d.Name, r.Version))
            .ToListAsync(ct);
        return [.. rules.OrderBy(r => r.Prefix, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Adds (<see cref="UrlRuleItem.Id"/> 0) or changes a rule.</summary>
    public async Task<CommandResult> SaveRuleAsync(UrlRuleItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var errors = new List<CommandError>();
        if (!ContentUrlRuleMatcher.TryNormalize(item.Prefix, out var prefix, out var prefixError))
        {
            errors.Add(new(nameof(UrlRuleItem.Prefix), prefixError!, []));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Division>().AnyAsync(d => d.Id == item.DivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(UrlRuleItem.DivisionId), "Validation.Required", []));
        }

        if (prefix.Length > 0)
        {
            var key = ContentUrlRuleMatcher.Key(prefix);
            var others = await db.Set<ContentUrlRule>().AsNoTracking().Where(r => r.Id != item.Id).Select(r => r.Prefix).ToListAsync(ct);
            if (others.Any(p => ContentUrlRuleMatcher.Key(p) == key))
            {
                errors.Add(new(nameof(UrlRuleItem.Prefix), "ContentSettings.PrefixTaken", [prefix]));
            }
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        ContentUrlRule? rule;
        if (item.Id == 0)
        {
            rule = new ContentUrlRule { Prefix = prefix };
            db.Add(rule);
        }
        else
        {
            rule = await db.FindForUpdateAsync<ContentUrlRule>(item.Id, item.Version, ct);
            if (rule is null)
            {
                return CommandResult.Conflict();
            }
        }

        rule.Prefix = prefix;
        rule.DivisionId = item.DivisionId;
        return await db.TrySaveAsync(ct);
    }

    public async Task<CommandResult> DeleteRuleAsync(int id, long version, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.FindForUpdateAsync<ContentUrlRule>(id, version, ct);
        if (rule is null)
        {
            return CommandResult.Conflict();
        }

        db.Remove(rule);
        return await db.TrySaveAsync(ct);
    }

    /// <summary>
    /// Which division an imported page at <paramref name="url"/> would go to under today's rules, and by which rule;
    /// null when the text is not an http(s) address.
    /// </summary>
    public async Task<UrlRuleTest?> TestUrlAsync(string url, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        if (!ContentUrls.TryNormalize(url, out var normalized))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.Set<ContentUrlRule>().AsNoTracking().Select(r => new UrlRuleEntry(r.Id, r.Prefix, r.DivisionId)).ToListAsync(ct);
        var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).ToDictionaryAsync(d => d.Id, ct);
        if (new ContentUrlRuleMatcher(rules).Match(normalized) is { } rule && divisions.TryGetValue(rule.DivisionId, out var ruled))
        {
            return new UrlRuleTest(normalized, rule.Prefix, ruled.Code, ruled.Name);
        }

        var fallbackCode = importOptions.Value.FallbackDivisionCode.Trim();
        var fallback = divisions.Values.FirstOrDefault(d => string.Equals(d.Code, fallbackCode, StringComparison.OrdinalIgnoreCase));
        return new UrlRuleTest(normalized, null, fallback?.Code ?? fallbackCode, fallback?.Name ?? fallbackCode);
    }

    public async Task<IReadOnlyList<CadenceTargetItem>> ListTargetsAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var targets = await (from t in db.Set<SocialCadenceTarget>().AsNoTracking()
                             join d in db.Set<Division>() on t.DivisionId equals d.Id
                             select new CadenceTargetItem(t.Id, t.DivisionId, d.Code, d.Name, t.Channel, t.TargetDays, t.Version))
            .ToListAsync(ct);
        return [.. targets.OrderBy(t => t.DivisionName, StringComparer.CurrentCulture).ThenBy(t => t.Channel)];
    }

    /// <summary>Adds (<see cref="CadenceTargetItem.Id"/> 0) or changes a target: 1–90 days, one per division and channel.</summary>
    public async Task<CommandResult> SaveTargetAsync(CadenceTargetItem item, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        var errors = new List<CommandError>();
        if (!SocialChannels.Contains(item.Channel))
        {
            errors.Add(new(nameof(CadenceTargetItem.Channel), "ContentSettings.SocialChannelOnly", []));
        }

        if (item.TargetDays is < 1 or > 90)
        {
            errors.Add(new(nameof(CadenceTargetItem.TargetDays), "Validation.Range", [1, 90]));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Division>().AnyAsync(d => d.Id == item.DivisionId && d.IsActive, ct))
        {
            errors.Add(new(nameof(CadenceTargetItem.DivisionId), "Validation.Required", []));
        }
        else if (await db.Set<SocialCadenceTarget>().AnyAsync(t => t.DivisionId == item.DivisionId && t.Channel == item.Channel && t.Id != item.Id, ct))
        {
            errors.Add(new(nameof(CadenceTargetItem.Channel), "ContentSettings.TargetTaken", [item.Channel.ToString()]));
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        SocialCadenceTarget? target;
        if (item.Id == 0)
        {
            target = new SocialCadenceTarget();
            db.Add(target);
        }
        else
        {
            target = await db.FindForUpdateAsync<SocialCadenceTarget>(item.Id, item.Version, ct);
            if (target is null)
            {
                return CommandResult.Conflict();
            }
        }

        target.DivisionId = item.DivisionId;
        target.Channel = item.Channel;
        target.TargetDays = item.TargetDays;
        return await db.TrySaveAsync(ct);
    }

    public async Task<CommandResult> DeleteTargetAsync(int id, long version, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.FindForUpdateAsync<SocialCadenceTarget>(id, version, ct);
        if (target is null)
        {
            return CommandResult.Conflict();
        }

        db.Remove(target);
        return await db.TrySaveAsync(ct);
    }

    /// <summary>Active divisions, for the rule and target pickers.</summary>
    public async Task<IReadOnlyList<DivisionOption>> ListDivisionsAsync(CancellationToken ct = default)
    {
        await guard.DemandAsync(Permissions.Administer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Division>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new DivisionOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }
}

public sealed record UrlRuleItem(int Id, string Prefix, int DivisionId, string DivisionCode, string DivisionName, long Version);

/// <summary>The outcome of "test a URL": the matching rule's prefix (null = no rule, so the fallback division).</summary>
public sealed record UrlRuleTest(string Url, string? Prefix, string DivisionCode, string DivisionName);

public sealed record CadenceTargetItem(int Id, int DivisionId, string DivisionCode, string DivisionName, ContentChannel Channel, int TargetDays, long Version);
