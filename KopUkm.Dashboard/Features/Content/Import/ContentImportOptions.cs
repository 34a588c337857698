using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>Settings of the inventory import (<c>Content:Import</c>).</summary>
public sealed class ContentImportOptions : ISettings
{
    /// <summary>
    /// Where pages that no URL rule matches are filed until an administrator adds a rule: the Secretariat, the
    /// website's owner of record.
    /// </summary>
    public string FallbackDivisionCode { get; set; } = "SEK";

    public IEnumerable<SettingProblem> Check() => SettingChecks.DivisionCodes(nameof(FallbackDivisionCode), [FallbackDivisionCode], required: true);
}
