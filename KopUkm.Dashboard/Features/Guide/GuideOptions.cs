using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Guide;

/// <summary>Settings of section <c>Guide</c>.</summary>
public sealed class GuideOptions : ISettings
{
    public const string SectionName = "Guide";

    /// <summary>Show the first-login tour of the home page (once per account). Default on.</summary>
    public bool HomeTour { get; set; } = true;

    public IEnumerable<SettingProblem> Check() => [];
}
