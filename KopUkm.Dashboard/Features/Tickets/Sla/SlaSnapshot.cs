namespace KopUkm.Dashboard.Features.Tickets.Sla;

/// <summary>A ticket's two SLA clocks as of one instant.</summary>
/// <param name="FirstResponse">The clock from creation to the first reply.</param>
/// <param name="Resolution">The clock from creation to resolution, pauses excluded.</param>
/// <param name="AsOfUtc">The "now" the snapshot was calculated for; events after it were not counted.</param>
public sealed record SlaSnapshot(SlaClock FirstResponse, SlaClock Resolution, DateTime AsOfUtc)
{
    /// <summary>The worse of the two states, for the chip on ticket lists.</summary>
    public SlaState Worst => FirstResponse.State > Resolution.State ? FirstResponse.State : Resolution.State;
}
