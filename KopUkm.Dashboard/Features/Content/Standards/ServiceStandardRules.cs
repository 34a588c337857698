namespace KopUkm.Dashboard.Features.Content.Standards;

/// <summary>
/// What is special about a service standard in the content queue (docs/content.md, "Service standards"):
/// its text changes only in Draf, Terbit or Perlu Pembaruan; a change to a published standard moves it to Perlu
/// Pembaruan (the public keeps the published text until the head approves again); publishing copies the approved
/// working copy to the public page.
/// </summary>
public static class ServiceStandardRules
{
    /// <summary>Longest text of one component.</summary>
    public const int MaxComponentLength = 8000;

    /// <summary>In review or approved the text is frozen, so the head approves exactly what will be published; archived items are brought back first.</summary>
    public static bool CanChangeText(ContentState state) =>
        state is ContentState.Draf or ContentState.Terbit or ContentState.PerluPembaruan;

    /// <summary>A text change of a published standard needs approval again.</summary>
    public static bool ChangeNeedsReapproval(ContentState state) => state == ContentState.Terbit;

    /// <summary>The public page shows the published copy from its first publication until the item is archived.</summary>
    public static bool IsPublic(ContentState state, bool hasPublishedCopy) => hasPublishedCopy && state != ContentState.Diarsipkan;

    /// <summary>Every component is required before the standard goes to review.</summary>
    public static IEnumerable<string> MissingComponents(StandardTexts texts) =>
        texts.Components.Append((Field: nameof(StandardTexts.LegalBasis), Text: texts.LegalBasis))
            .Where(c => string.IsNullOrWhiteSpace(c.Text)).Select(c => c.Field);
}
