namespace KopUkm.Dashboard.Features.Guide.Tour;

/// <summary>That a user has been shown a tour (e.g. the home tour), so it shows once per account, on any computer.</summary>
public sealed class TourView
{
    public required string UserId { get; set; }

    public required string Tour { get; set; }

    public DateTime ShownAtUtc { get; set; }
}
