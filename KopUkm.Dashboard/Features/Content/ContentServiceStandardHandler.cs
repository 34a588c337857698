using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>Pages that explain a service now promise its old standard: flag them at once, not at their review date.</summary>
public sealed class ContentServiceStandardHandler(ContentService content) : IServiceStandardChangedHandler
{
    public Task HandleAsync(ServiceStandardChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return content.FlagServiceChangedAsync(change.ServiceTypeId, $"{StaleReason.ServiceChanged}: {change.ServiceCode} {change.Before} → {change.After}", ct);
    }
}
