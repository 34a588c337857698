using System.Globalization;
using System.Resources;
using Cronos;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Common;

/// <summary>A bad setting: the key under its section, and why (a resource key under <c>Settings.</c> with its arguments).</summary>
public sealed record SettingProblem(string Key, string ReasonKey, params object[] Arguments)
{
    /// <summary>The key is already a full key outside the section (e.g. <c>ConnectionStrings:Default</c>).</summary>
    public bool IsFullKey { get; init; }
}

/// <summary>Settings bound from one configuration section that can say what is wrong with them.</summary>
public interface ISettings
{
    IEnumerable<SettingProblem> Check();
}

/// <summary>
/// The one way settings are registered: bound from their section and checked when the app starts, so a bad value
/// stops start-up with a sentence naming the key instead of failing later in a job or a page.
/// </summary>
public static class SettingsRegistration
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section)
        where T : class, ISettings =>
        services.AddSettingsCheck<T>(section).BindConfiguration(section);

    /// <summary>As above, bound from a given configuration (for containers that register none).</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, ISettings =>
        services.AddSettingsCheck<T>(section).Bind(configuration.GetSection(section));

    /// <summary>
    /// Checks the settings now, as a start would: commands and start-up tasks call it before they write anything, so
    /// a bad value stops them with the same sentences.
    /// </summary>
    public static void CheckSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    private static OptionsBuilder<T> AddSettingsCheck<T>(this IServiceCollection services, string section)
        where T : class, ISettings
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidator<T>(section));
        return services.AddOptions<T>().ValidateOnStart();
    }

    /// <summary>The sentence an operator reads for a bad setting, in the current UI culture (Indonesian by default).</summary>
    public static string Sentence(string key, string reasonKey, params object[] arguments) =>
        Format("Settings.Invalid", key, Format($"Settings.{reasonKey}", arguments));

    // Read straight from the resources: settings are checked before (and without) the app's localization services.
    private static readonly ResourceManager Texts = new("KopUkm.Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static string Format(string key, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key, arguments);

    private sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
        where T : class, ISettings
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = options.Check().Select(p => Sentence(p.IsFullKey ? p.Key : $"{section}:{p.Key}", p.ReasonKey, p.Arguments)).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>Checks that recur across settings.</summary>
public static class SettingChecks
{
    /// <summary>A five-field cron expression as the job scheduler reads it (minute hour day month weekday).</summary>
    public static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            CronExpression.Parse(expression, CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    public static IEnumerable<SettingProblem> Cron(string key, string? expression) =>
        IsCron(expression) ? [] : [new SettingProblem(key, "NotCron", expression ?? "")];

    public static IEnumerable<SettingProblem> Range(string key, double value, double min, double max) =>
        value >= min && value <= max ? [] : [new SettingProblem(key, "OutOfRange", value, min, max)];

    public static IEnumerable<SettingProblem> Positive(string key, TimeSpan value) =>
        value > TimeSpan.Zero ? [] : [new SettingProblem(key, "NotPositive", value)];

    public static IEnumerable<SettingProblem> DivisionCodes(string key, IReadOnlyCollection<string> codes, bool required)
    {
        if (required && codes.Count == 0)
        {
            return [new SettingProblem(key, "Empty")];
        }

        return codes.Where(c => string.IsNullOrWhiteSpace(c) || c.Length > 10 || !c.All(char.IsAsciiLetterOrDigit))
            .Select(c => new SettingProblem(key, "NotDivisionCode", c))
            .Take(1);
    }
}
