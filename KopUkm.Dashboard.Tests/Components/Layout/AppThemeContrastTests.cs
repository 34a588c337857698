using KopUkm.Dashboard.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;

namespace KopUkm.Dashboard.Tests.Components.Layout;

/// <summary>
/// WCAG 2.1 AA contrast (4.5:1 for text) of the theme's colours, in the light and the dark palette: every status
/// colour as text on the page and on a card, on its own tinted chip, and under its contrast text when filled;
/// secondary text on the page and on a card. axe checks the pages as rendered; this checks the palette itself, so
/// dark mode (which the browser tests do not switch on) is held to the same rule.
/// </summary>
public sealed class AppThemeContrastTests
{
    private const double Aa = 4.5;

    public static TheoryData<string> Palettes() => new() { "light", "dark" };

    [Theory]
    [MemberData(nameof(Palettes))]
    public void Status_colours_read_as_text_on_the_page_on_cards_on_their_chips_and_under_their_contrast_text(string name)
    {
        var palette = Palette(name);
        var problems = new List<string>();
        foreach (var (colour, contrastText, label) in new[]
                 {
                     (palette.Primary, palette.PrimaryContrastText, "Primary"),
                     (palette.Secondary, palette.SecondaryContrastText, "Secondary"),
                     (palette.Info, palette.InfoContrastText, "Info"),
                     (palette.Success, palette.SuccessContrastText, "Success"),
                     (palette.Warning, palette.WarningContrastText, "Warning"),
                     (palette.Error, palette.ErrorContrastText, "Error"),
                 })
        {
            Check(problems, $"{label} on background", colour, palette.Background);
            Check(problems, $"{label} on surface", colour, palette.Surface);
            // A text or outlined chip: the colour over a light wash of itself (MudBlazor's hover tint, about 6–12 %).
            Check(problems, $"{label} on its chip", colour, Blend(colour, palette.Surface, 0.12));
            Check(problems, $"{label} contrast text on filled {label}", contrastText, colour);
        }

        Check(problems, "secondary text on background", palette.TextSecondary, palette.Background);
        Check(problems, "secondary text on surface", palette.TextSecondary, palette.Surface);
        Check(problems, "app bar text", palette.AppbarText, palette.AppbarBackground);
        Check(problems, "drawer text", palette.DrawerText, palette.DrawerBackground);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static Palette Palette(string name) => name == "light" ? AppTheme.Theme.PaletteLight : AppTheme.Theme.PaletteDark;

    private static void Check(List<string> problems, string what, MudColor text, MudColor background)
    {
        var solid = Blend(text, background, text.APercentage);
        var ratio = Ratio(solid, background);
        if (ratio < Aa)
        {
            problems.Add($"{what}: {ratio:0.00}:1 ({text} on {background})");
        }
    }

    /// <summary>The colour seen when <paramref name="top"/> at <paramref name="alpha"/> covers <paramref name="under"/>.</summary>
    private static MudColor Blend(MudColor top, MudColor under, double alpha) => new(
        (byte)Math.Round(top.R * alpha + under.R * (1 - alpha)),
        (byte)Math.Round(top.G * alpha + under.G * (1 - alpha)),
        (byte)Math.Round(top.B * alpha + under.B * (1 - alpha)),
        (byte)255);

    private static double Ratio(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(MudColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
