using System.Globalization;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Features.Content.ContentActionSupport;

namespace KopUkm.Dashboard.Features.Content;

/// <summary>
/// Moving items along <see cref="ContentWorkflow"/> (approval by the division head; sending back, flagging and
/// archiving with a reason; publishing now or scheduled) and "Tandai sudah ditinjau".
/// </summary>
public sealed class ContentMoves(
    IDbContextFactory<AppDbContext> dbFactory,
    AccessGuard guard,
    ChangeNotifier changes,
    TimeProvider clock)
{
    /// <summary>Moves an item along the queue. Approval needs the division head; sending back, flagging and archiving a reason.</summary>
    /// <param name="publishAtUtc">For <see cref="ContentState.Terbit"/>: when it goes live; null = now, a future date = scheduled.</param>
    public async Task<CommandResult> MoveAsync(long id, long version, ContentState to, string? reason, DateTime? publishAtUtc = null, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForEditAsync(db, id, version, user, ct) is not { } item)
        {
            return CommandResult.Conflict();
        }

        var from = item.State;
        if (!ContentWorkflow.CanMove(from, to))
        {
            return CommandResult.Fail("Content.MoveNotAllowed", null, from.ToString(), to.ToString());
        }

        if (ContentWorkflow.NeedsApprover(to) && !ContentAccess.CanApprove(user, item.OwnerDivisionId))
        {
            return CommandResult.Fail("Content.ApproverOnly");
        }

        var text = reason?.Trim() ?? "";
        if (ContentWorkflow.RequiresReason(from, to) && text.Length == 0)
        {
            return CommandResult.Fail("Content.ReasonRequired", "Reason");
        }

        if (text.Length > 1000)
        {
            return CommandResult.Fail("Validation.MaxLength", "Reason", 1000);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (item.Kind == ContentKind.ServiceStandard)
        {
            var standard = await db.Set<ServiceStandard>().FirstOrDefaultAsync(s => s.ContentItemId == id, ct);
            if (to == ContentState.Ditinjau && (standard is null || ServiceStandardRules.MissingComponents(standard.Working).Any()))
            {
                return CommandResult.Fail("Content.StandardIncomplete");
            }

            if (standard is null)
            {
                // Nothing to approve or publish without a text (only reachable for rows from before the text existed).
            }
            else if (to == ContentState.Disetujui)
            {
                standard.ApprovedAtUtc = now;
                standard.ApprovedByName = user.DisplayName;
            }
            else if (to == ContentState.Terbit)
            {
                // A standard goes live at once (no scheduling): the approved text replaces what the public read.
                publishAtUtc = null;
                standard.Publish(now);
            }
            else if (from == ContentState.Disetujui)
            {
                standard.ApprovedAtUtc = null;
                standard.ApprovedByName = null;
            }
        }

        if (to == ContentState.Terbit)
        {
            if (item.Kind is not (ContentKind.SocialPost or ContentKind.ServiceStandard) && string.IsNullOrWhiteSpace(item.Url))
            {
                return CommandResult.Fail("Content.PublishNeedsUrl");
            }

            item.PublishedAtUtc = publishAtUtc is { } at && at > now ? at : now;
            text = item.PublishedAtUtc > now
                ? string.Create(CultureInfo.InvariantCulture, $"{Localization.WibTime.FormatDateTime(item.PublishedAtUtc.Value)} WIB")
                : text;
        }

        item.State = to;
        item.StateChangedAtUtc = now;
        // Flagged by hand: the reason text is in the history; the stored reason says who decided.
        item.StaleReason = to == ContentState.PerluPembaruan ? StaleReason.FlaggedByEditor : StaleReason.None;

        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.StateChanged, user, now, from, to, text));
        var result = await db.TrySaveAsync(ct);
        Publish(changes, result, item.OwnerDivisionId);
        return result;
    }

    /// <summary>
    /// "Tandai sudah ditinjau": confirms a live item is still right, with a note, without editing it. The review
    /// date moves one interval on; a stale item goes back to Terbit, since the review found nothing to update.
    /// </summary>
    public async Task<CommandResult> MarkReviewedAsync(long id, long version, string note, CancellationToken ct = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewContent);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LoadForEditAsync(db, id, version, user, ct) is not { } item)
        {
            return CommandResult.Conflict();
        }

        if (!ContentWorkflow.CanMarkReviewed(item.State))
        {
            return CommandResult.Fail("Content.ReviewOnlyLive");
        }

        if (item.StaleReason == StaleReason.Broken)
        {
            // Reviewing text the public cannot reach confirms nothing: the page must be fixed (or archived) first.
            return CommandResult.Fail("Content.ReviewBrokenPage");
        }

        if (item.Kind == ContentKind.ServiceStandard
            && await db.Set<ServiceStandard>().FirstOrDefaultAsync(s => s.ContentItemId == id, ct) is { } standard
            && standard.Published is { } published && !published.SameAs(standard.Working))
        {
            // Confirming the published text would leave the editor's changes unapproved: they go to review instead.
            return CommandResult.Fail("Content.ReviewStandardEdited");
        }

        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return CommandResult.Fail("Content.ReviewNoteRequired", "Note");
        }

        if (text.Length > 1000)
        {
            return CommandResult.Fail("Validation.MaxLength", "Note", 1000);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = item.State;
        item.LastReviewedAtUtc = now;
        item.LastReviewedByName = user.DisplayName;
        item.LastReviewNote = text;
        if (from == ContentState.PerluPembaruan && item.StaleReason != StaleReason.Broken)
        {
            item.State = ContentState.Terbit;
            item.StateChangedAtUtc = now;
            item.StaleReason = StaleReason.None;
        }

        ContentFreshnessRules.Refresh(item, now);
        db.Add(Event(id, ContentEventKind.Reviewed, user, now, from, item.State == from ? null : item.State, text));
        var result = await db.TrySaveAsync(ct);
        Publish(changes, result, item.OwnerDivisionId);
        return result;
    }
}
