namespace KopUkm.Dashboard.Features.Content.Pages;

/// <summary>What <see cref="ContentMoveDialog"/> returns: the reason or note, and a WIB publish date if one was picked.</summary>
public sealed record ContentMoveInput(string Text, DateOnly? PublishDate);
