using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Content.LiveCheck;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// One visit of the live-site check to one page: what it answered and what the page's main text hashed to.
/// Machine-written and numerous, so not audited (the item's own changes are).
/// </summary>
public sealed class ContentCheck : INotAudited
{
    public long Id { get; set; }

    public long ContentItemId { get; set; }

    public DateTime CheckedAtUtc { get; set; }

    public PageCheckOutcome Result { get; set; }

    public int? HttpStatus { get; set; }

    public int DurationMs { get; set; }

    public string? ContentHash { get; set; }

    /// <summary>Redirect hops, one URL per line.</summary>
    public string? Redirects { get; set; }

    /// <summary>Broken internal links found on the page, "status url" per line.</summary>
    public string? BrokenLinks { get; set; }

    public string? Error { get; set; }
}
