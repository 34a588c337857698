using System.Globalization;
using System.Resources;

namespace KopUkm.Dashboard.Features.Email;

/// <summary>
/// Text written into stored e-mail and delivery errors, in Indonesian whatever the writer's language: the messages
/// go to people in the office's language, and a job has no reader whose language it could pick.
/// </summary>
public static class EmailTexts
{
    private static readonly ResourceManager Texts = new("KopUkm.Dashboard.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The Indonesian culture used for dates and numbers in e-mails.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The resource <paramref name="key"/> in Indonesian (the neutral resources), formatted with <paramref name="args"/>.</summary>
    public static string Indonesian(string key, params object?[] args)
    {
        var format = Texts.GetString(key, CultureInfo.InvariantCulture) ?? key;
        return args.Length == 0 ? format : string.Format(Culture, format, args);
    }
}
