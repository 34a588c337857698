using MudBlazor;

namespace KopUkm.Dashboard.Components.Layout;

/// <summary>
/// The office's palette: a calm government green with an amber accent, and a matching dark palette. Every colour
/// that carries text or a status (primary, secondary, error, warning, info, success, secondary text, the avatar) is
/// chosen for WCAG 2.1 AA: at least 4.5:1 as text on the page, on a card and on its own tinted chip, and under its
/// contrast text when filled. <c>AppThemeContrastTests</c> checks each pair in both palettes.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B6E4F",
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#855700",
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#5E35B1",
            TertiaryContrastText = "#FFFFFF",
            Info = "#0D5BB5",
            InfoContrastText = "#FFFFFF",
            Success = "#1B6B2A",
            SuccessContrastText = "#FFFFFF",
            Warning = "#9C4A00",
            WarningContrastText = "#FFFFFF",
            Error = "#B3261E",
            ErrorContrastText = "#FFFFFF",
            AppbarBackground = "#0B6E4F",
            AppbarText = "#FFFFFF",
            Background = "#F5F7F6",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.80)",
            DrawerIcon = "rgba(0,0,0,0.70)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.64)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4CC38A",
            PrimaryContrastText = "#0B1410",
            Secondary = "#E0A84F",
            SecondaryContrastText = "#0B1410",
            Tertiary = "#B39DDB",
            TertiaryContrastText = "#0B1410",
            Info = "#64B5F6",
            InfoContrastText = "#0B1410",
            Success = "#81C784",
            SuccessContrastText = "#0B1410",
            Warning = "#FFB74D",
            WarningContrastText = "#0B1410",
            Error = "#FF8A80",
            ErrorContrastText = "#0B1410",
            AppbarBackground = "#12261E",
            AppbarText = "rgba(255,255,255,0.92)",
            Background = "#101513",
            Surface = "#18201C",
            DrawerBackground = "#151C19",
            DrawerText = "rgba(255,255,255,0.85)",
            DrawerIcon = "rgba(255,255,255,0.75)",
            TextPrimary = "rgba(255,255,255,0.90)",
            TextSecondary = "rgba(255,255,255,0.72)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
