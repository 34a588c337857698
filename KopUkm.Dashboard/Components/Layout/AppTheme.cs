using MudBlazor;

namespace KopUkm.Dashboard.Components.Layout;

/// <summary>The office's palette: a calm government green with an amber accent, and a matching dark palette.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B6E4F",
            Secondary = "#B7791F",
            AppbarBackground = "#0B6E4F",
            Background = "#F5F7F6",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.78)",
            Success = "#2E7D32",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4CC38A",
            Secondary = "#E0A84F",
            AppbarBackground = "#12261E",
            Background = "#101513",
            Surface = "#18201C",
            DrawerBackground = "#151C19",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
