namespace KopUkm.Dashboard.Common;

/// <summary>
/// A service's published standard (its response and resolution targets) changed from <paramref name="Before"/> to
/// <paramref name="After"/>, both written "first response/resolution" in working days.
/// </summary>
public sealed record ServiceStandardChange(int ServiceTypeId, string ServiceCode, string Before, string After);

/// <summary>
/// Told when the service catalogue changes a service's standard, in the same request. The catalogue defines no
/// knowledge of its listeners: content (pages that explain the service) implements this to flag its pages at once.
/// </summary>
public interface IServiceStandardChangedHandler
{
    Task HandleAsync(ServiceStandardChange change, CancellationToken ct = default);
}
