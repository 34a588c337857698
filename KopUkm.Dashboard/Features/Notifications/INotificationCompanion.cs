using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Notifications;

/// <summary>
/// Something that must be written in the same save as a new notification, implemented by a feature that depends on
/// this one (the e-mail copy in <c>Features/Email</c>): the notification and what goes with it are stored together
/// or not at all.
/// </summary>
public interface INotificationCompanion
{
    /// <summary>Called with the new, not yet saved notification; add to <paramref name="db"/>, never save it.</summary>
    Task OnAddingAsync(AppDbContext db, Notification notification, CancellationToken ct);
}
