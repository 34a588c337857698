using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Features.Surveys;

/// <summary>A follow-up plan item as typed.</summary>
public sealed class IkmFollowUpForm
{
    public const int ActionMax = 1000;
    public const int NoteMax = 1000;

    public string PeriodKey { get; set; } = "";

    public int Element { get; set; }

    public string Action { get; set; } = "";

    public int OwnerDivisionId { get; set; }

    public DateOnly? DueDate { get; set; }

    public IkmFollowUpStatus Status { get; set; } = IkmFollowUpStatus.Direncanakan;

    public string? Note { get; set; }

    public List<CommandError> Validate()
    {
        var errors = new List<CommandError>();
        if (!IkmPeriod.TryParse(PeriodKey, out _))
        {
            errors.Add(new CommandError(nameof(PeriodKey), "Validation.Required", []));
        }

        if (Element is < 1 or > IkmElements.Count)
        {
            errors.Add(new CommandError(nameof(Element), "Validation.Required", []));
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            errors.Add(new CommandError(nameof(Action), "Validation.Required", []));
        }
        else if (Action.Trim().Length > ActionMax)
        {
            errors.Add(new CommandError(nameof(Action), "Validation.MaxLength", [ActionMax]));
        }

        if (OwnerDivisionId <= 0)
        {
            errors.Add(new CommandError(nameof(OwnerDivisionId), "Validation.Required", []));
        }

        if (DueDate is null)
        {
            errors.Add(new CommandError(nameof(DueDate), "Validation.Required", []));
        }

        if ((Note?.Trim().Length ?? 0) > NoteMax)
        {
            errors.Add(new CommandError(nameof(Note), "Validation.MaxLength", [NoteMax]));
        }

        if (!Enum.IsDefined(Status))
        {
            errors.Add(new CommandError(nameof(Status), "Validation.Required", []));
        }

        return errors;
    }
}

/// <summary>One row of the follow-up plan, with the owner division's name and whether the reader may change it.</summary>
public sealed record IkmFollowUpRow(
    int Id, string PeriodKey, int Element, string Action, int OwnerDivisionId, string OwnerDivisionName, DateOnly DueDate,
    IkmFollowUpStatus Status, string? Note, long Version, bool CanEdit, bool CanUpdateStatus);

/// <summary>
/// The "rencana tindak lanjut" of the IKM results. Pimpinan and administrators plan, edit and remove items for any
/// division; a head of division sees their own division's items and updates their status and note. Edits carry the
/// item's version (a stale one is refused); SaveChanges audits every change.
/// </summary>
public sealed class IkmFollowUps(IDbContextFactory<AppDbContext> dbFactory, AccessGuard guard, TimeProvider clock)
{
    /// <summary>Who may plan: the leadership roles.</summary>
    public static bool CanPlan(UserContext user) => user.IsInRole(AppRoles.Administrator) || user.IsInRole(AppRoles.Pimpinan);

    /// <summary>Who may move an item along: planners, and the head of the owner division.</summary>
    public static bool CanUpdateStatus(UserContext user, int ownerDivisionId) =>
        CanPlan(user) || (user.IsInRole(AppRoles.KepalaBidang) && user.DivisionId == ownerDivisionId);

    /// <summary>The items of a period (all periods when <paramref name="periodKey"/> is empty); a head sees only their division's.</summary>
    public async Task<IReadOnlyList<IkmFollowUpRow>> ListAsync(string? periodKey, CancellationToken ct = default)
    {
        var user = await DemandReaderAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<IkmFollowUp>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(periodKey))
        {
            query = query.Where(f => f.PeriodKey == periodKey);
        }

        if (!CanPlan(user))
        {
            var own = user.DivisionId ?? -1;
            query = query.Where(f => f.OwnerDivisionId == own);
        }

        var rows = await query
            .Join(db.Set<Division>(), f => f.OwnerDivisionId, d => d.Id, (f, d) => new { f, d.Name })
            .OrderBy(x => x.f.DueDate).ThenBy(x => x.f.Id)
            .ToListAsync(ct);
        return [.. rows.Select(x => new IkmFollowUpRow(x.f.Id, x.f.PeriodKey, x.f.Element, x.f.Action, x.f.OwnerDivisionId, x.Name, x.f.DueDate,
            x.f.Status, x.f.Note, x.f.Version, CanPlan(user), CanUpdateStatus(user, x.f.OwnerDivisionId)))];
    }

    /// <summary>Plans an item (leadership). Returns the new id on success.</summary>
    public async Task<(CommandResult Result, int? Id)> CreateAsync(IkmFollowUpForm form, CancellationToken ct = default)
    {
        var user = await DemandPlannerAsync();
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return (new CommandResult(errors), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Division>().AnyAsync(d => d.Id == form.OwnerDivisionId, ct))
        {
            return (CommandResult.Fail("Validation.Required", nameof(form.OwnerDivisionId)), null);
        }

        var item = new IkmFollowUp
        {
            PeriodKey = form.PeriodKey.Trim(),
            Element = form.Element,
            Action = form.Action.Trim(),
            OwnerDivisionId = form.OwnerDivisionId,
            DueDate = form.DueDate!.Value,
            Status = form.Status,
            Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByName = user.DisplayName,
        };
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return (CommandResult.Success, item.Id);
    }

    /// <summary>Changes every field of an item (leadership), at the version the editor saw.</summary>
    public async Task<CommandResult> UpdateAsync(int id, long version, IkmFollowUpForm form, CancellationToken ct = default)
    {
        await DemandPlannerAsync();
        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<IkmFollowUp>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null || item.Version != version)
        {
            return CommandResult.Conflict();
        }

        item.PeriodKey = form.PeriodKey.Trim();
        item.Element = form.Element;
        item.Action = form.Action.Trim();
        item.OwnerDivisionId = form.OwnerDivisionId;
        item.DueDate = form.DueDate!.Value;
        item.Status = form.Status;
        item.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        return await SaveAsync(db, ct);
    }

    /// <summary>Moves an item's status (and note): leadership, or the head of the owner division.</summary>
    public async Task<CommandResult> SetStatusAsync(int id, long version, IkmFollowUpStatus status, string? note, CancellationToken ct = default)
    {
        var user = await DemandReaderAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<IkmFollowUp>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Conflict();
        }

        if (!CanUpdateStatus(user, item.OwnerDivisionId))
        {
            throw new AccessDeniedException($"User '{user.DisplayName}' may not update follow-up {id}.");
        }

        if (item.Version != version)
        {
            return CommandResult.Conflict();
        }

        if (!Enum.IsDefined(status) || (note?.Trim().Length ?? 0) > IkmFollowUpForm.NoteMax)
        {
            return CommandResult.Fail("Validation.MaxLength", "Note", IkmFollowUpForm.NoteMax);
        }

        item.Status = status;
        item.Note = string.IsNullOrWhiteSpace(note) ? item.Note : note.Trim();
        return await SaveAsync(db, ct);
    }

    /// <summary>Removes an item planned by mistake (leadership); the audit trail keeps what it was.</summary>
    public async Task<CommandResult> DeleteAsync(int id, long version, CancellationToken ct = default)
    {
        await DemandPlannerAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.Set<IkmFollowUp>().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (item is null || item.Version != version)
        {
            return CommandResult.Conflict();
        }

        db.Remove(item);
        return await SaveAsync(db, ct);
    }

    private static async Task<CommandResult> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
    }

    private async Task<UserContext> DemandPlannerAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboard);
        return CanPlan(user) ? user : throw new AccessDeniedException($"User '{user.DisplayName}' may not plan IKM follow-ups.");
    }

    private async Task<UserContext> DemandReaderAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboard);
        return CanPlan(user) || user.IsInRole(AppRoles.KepalaBidang)
            ? user
            : throw new AccessDeniedException($"User '{user.DisplayName}' may not read IKM follow-ups.");
    }
}
