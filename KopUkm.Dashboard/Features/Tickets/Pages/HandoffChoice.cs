namespace KopUkm.Dashboard.Features.Tickets.Pages;

/// <summary>What the handoff dialog returns: the receiving division and the reason.</summary>
public sealed record HandoffChoice(int DivisionId, string Reason);
