using KopUkm.Dashboard.Common;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Host;

/// <summary>
/// Demo data settings (section <c>Demo</c>): <c>SeedUsers</c> creates the demo accounts; each feature's demo seeder
/// names its own switch there (<c>SeedTickets</c>, <c>SeedContent</c>…), on unless set to false.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool SeedUsers { get; set; }
}

/// <summary>Every value under <c>Demo</c> is a switch: anything but true or false stops start-up, naming the key.</summary>
internal sealed class DemoOptionsValidator(IConfiguration configuration) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        var problems = configuration.GetSection(DemoOptions.Section).GetChildren()
            .Where(s => !bool.TryParse(s.Value, out _))
            .Select(s => SettingsRegistration.Sentence(s.Path, "NotBoolean", s.Value ?? ""))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
