using System.Text.RegularExpressions;
using System.Xml.Linq;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Localization;

public sealed partial class ResourceTests
{
    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(RepoPaths.App, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Indonesian_and_english_hold_the_same_keys_and_no_empty_text()
    {
        var indonesian = Load("SharedResource.resx");
        var english = Load("SharedResource.en.resx");

        Assert.Empty(indonesian.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(indonesian.Keys));
        Assert.DoesNotContain(indonesian, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(english, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Every_text_key_used_in_the_code_exists()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(RepoPaths.App, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        var used = sources.SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)));

        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    [Fact]
    public void Keys_built_from_enum_names_exist_for_every_value()
    {
        var keys = Load("SharedResource.resx").Keys.ToHashSet();
        var expected = KopUkm.Dashboard.Features.Security.AppRoles.All.Select(r => $"Role.{r}")
            .Concat(Enum.GetNames<KopUkm.Dashboard.Features.Calendar.HolidayKind>().Select(k => $"HolidayKind.{k}"))
            .Concat(Enum.GetNames<KopUkm.Dashboard.Features.Backups.BackupFailure>().Skip(1).Select(k => $"Backup.Failure.{k}"))
            .Concat(Enum.GetNames<KopUkm.Dashboard.Features.Backups.RestoreFailure>().Skip(1).Select(k => $"Restore.Failure.{k}"));

        Assert.All(expected, k => Assert.Contains(k, keys));
    }

    /// <summary>L["Key"] lookups and the keys services return in results ("Validation.Required" and the like).</summary>
    [GeneratedRegex("(?:L\\[|Fail\\(|new\\(nameof\\([A-Za-z.]+\\), |new CsvLineError\\([^,]+, )\"([A-Z][A-Za-z]+\\.[A-Za-z0-9_.]+)\"")]
    private static partial Regex KeyPattern();
}
