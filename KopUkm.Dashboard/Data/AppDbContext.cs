using KopUkm.Dashboard.Data.Auditing;
using KopUkm.Dashboard.Features.Account;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KopUkm.Dashboard.Data;

/// <summary>
/// The one database context. It knows no feature: each feature keeps its entities and configurations, picked up
/// from the assembly. Every save stamps versions of editable rows and appends the audit trail atomically.
/// </summary>
public class AppDbContext : IdentityDbContext<ApplicationUser>
{
    private readonly IAuditActorSource? actorSource;
    private readonly TimeProvider clock;

    public AppDbContext(DbContextOptions<AppDbContext> options, IAuditActorSource? actorSource = null, TimeProvider? clock = null)
        : this((DbContextOptions)options, actorSource, clock)
    {
    }

    /// <summary>For a provider's own context type (<see cref="PostgreSql.PostgreSqlAppDbContext"/>), which keeps its own migrations.</summary>
    protected AppDbContext(DbContextOptions options, IAuditActorSource? actorSource, TimeProvider? clock)
        : base(options)
    {
        this.actorSource = actorSource;
        this.clock = clock ?? TimeProvider.System;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditTampering();
        StampVersions();

        var pending = AuditTrailWriter.Describe(ChangeTracker);
        if (pending.Count == 0)
        {
            return await SaveOrReportConflictAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var actor = actorSource is null ? AuditActor.System : await actorSource.GetActorAsync();
        var now = clock.GetUtcNow().UtcDateTime;

        if (!AuditTrailWriter.NeedsKeysFromDatabase(pending))
        {
            Set<AuditEntry>().AddRange(AuditTrailWriter.Complete(pending, actor, now));
            return await SaveOrReportConflictAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // New rows get their keys from the database: save them first, then their audit rows, in one transaction.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await SaveOrReportConflictAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            Set<AuditEntry>().AddRange(AuditTrailWriter.Complete(pending, actor, now));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task<int> SaveOrReportConflictAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The record was changed by someone else since it was loaded.", ex);
        }
    }

    private void RefuseAuditTampering()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: audit rows are never updated or deleted.");
        }
    }

    /// <summary>
    /// New rows start at version 1; an update writes original + 1. A service that edits a detached record sets the
    /// original value to the version its user saw, so the UPDATE fails if anyone saved in between.
    /// </summary>
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            if (entry.State == EntityState.Added)
            {
                version.CurrentValue = 1;
            }
            else if (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version) && !AuditTrailWriter.IsDerived(p.Metadata)))
            {
                version.CurrentValue = version.OriginalValue + 1;
            }

            // A save that only refreshes recomputed columns (the SLA job every five minutes) keeps the version: the
            // version still guards the update, but nobody's open form goes stale because a projection moved on.
        }
    }
}
