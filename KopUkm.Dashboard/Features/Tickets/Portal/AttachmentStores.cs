using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>
/// Where the contents of the applicant's files are kept, chosen by the database provider
/// (<see cref="AttachmentStoreSetup.AddAttachmentStore"/>): files in the data folder on SQLite (one instance, backed up
/// with the folder), rows of <c>TicketAttachmentContents</c> on PostgreSQL (every instance reads what any instance
/// received). Callers do not branch: they write before saving the ticket and discard when the save fails.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Keeps already checked files under new random names. The database store only adds rows to
    /// <paramref name="db"/>: they are saved with the ticket, in its transaction. The file store writes at once and
    /// removes what it wrote if one file fails.
    /// </summary>
    Task<List<StoredFile>> WriteAsync(AppDbContext db, IReadOnlyList<IncomingFile> files, CancellationToken ct);

    /// <summary>Undoes <see cref="WriteAsync"/> after a failed save (the database store has nothing to undo: the rows roll back).</summary>
    void Discard(IEnumerable<StoredFile> files);

    /// <summary>A stored file's content, or null when it is missing.</summary>
    Task<Stream?> OpenAsync(AppDbContext db, string storedName, CancellationToken ct);
}

/// <summary>SQLite: files under <c>&lt;Data:Folder&gt;/attachments/</c>, as on a single instance.</summary>
public sealed class FileAttachmentStore(DataPaths paths) : IAttachmentStore
{
    public string Folder => paths.AttachmentsFolder;

    public async Task<List<StoredFile>> WriteAsync(AppDbContext db, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var written = new List<StoredFile>();
        try
        {
            foreach (var file in files)
            {
                var type = await TicketAttachmentFiles.SniffAsync(file, ct) ?? throw new InvalidOperationException("Unchecked attachment.");
                var stored = TicketAttachmentFiles.NewStoredName(type);
                long size;
                await using (var source = file.Open())
                await using (var target = new FileStream(Path.Combine(Folder, stored), FileMode.CreateNew, FileAccess.Write))
                {
                    written.Add(new StoredFile(TicketAttachmentFiles.Clean(file.FileName), type, 0, stored));
                    await TicketAttachmentFiles.CopyLimitedAsync(source, target, ct);
                    size = target.Length;
                }

                written[^1] = written[^1] with { SizeBytes = size };
            }

            return written;
        }
        catch
        {
            Discard(written);
            throw;
        }
    }

    public void Discard(IEnumerable<StoredFile> files)
    {
        foreach (var file in files)
        {
            File.Delete(Path.Combine(Folder, file.StoredName));
        }
    }

    public Task<Stream?> OpenAsync(AppDbContext db, string storedName, CancellationToken ct)
    {
        var path = Path.Combine(Folder, Path.GetFileName(storedName));
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }
}

/// <summary>PostgreSQL: the contents in <c>TicketAttachmentContents</c>, written in the ticket's own transaction.</summary>
public sealed class DatabaseAttachmentStore : IAttachmentStore
{
    public async Task<List<StoredFile>> WriteAsync(AppDbContext db, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var stored = new List<StoredFile>();
        foreach (var file in files)
        {
            var type = await TicketAttachmentFiles.SniffAsync(file, ct) ?? throw new InvalidOperationException("Unchecked attachment.");
            var name = TicketAttachmentFiles.NewStoredName(type);
            using var buffer = new MemoryStream((int)Math.Clamp(file.Length, 0, TicketAttachmentFiles.MaxBytes));
            await using (var source = file.Open())
            {
                await TicketAttachmentFiles.CopyLimitedAsync(source, buffer, ct);
            }

            db.Add(new TicketAttachmentContent { StoredName = name, Content = buffer.ToArray() });
            stored.Add(new StoredFile(TicketAttachmentFiles.Clean(file.FileName), type, buffer.Length, name));
        }

        return stored;
    }

    public void Discard(IEnumerable<StoredFile> files)
    {
    }

    public async Task<Stream?> OpenAsync(AppDbContext db, string storedName, CancellationToken ct)
    {
        var content = await db.Set<TicketAttachmentContent>().AsNoTracking().Where(c => c.StoredName == storedName)
            .Select(c => c.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }
}

/// <summary>
/// The bytes of one applicant's file (PostgreSQL; empty on SQLite, whose files stay in the data folder), keyed by the
/// stored name of its <see cref="TicketAttachment"/>. Not audited: the attachment row itself is.
/// </summary>
public sealed class TicketAttachmentContent : INotAudited
{
    public required string StoredName { get; set; }

    public required byte[] Content { get; set; }
}

internal sealed class TicketAttachmentContentConfiguration : IEntityTypeConfiguration<TicketAttachmentContent>
{
    public void Configure(EntityTypeBuilder<TicketAttachmentContent> builder)
    {
        builder.ToTable("TicketAttachmentContents");
        builder.HasKey(c => c.StoredName);
        builder.Property(c => c.StoredName).HasMaxLength(80);
    }
}

public static class AttachmentStoreSetup
{
    /// <summary>The attachment store of the configured provider: files on SQLite, the database on PostgreSQL.</summary>
    public static IServiceCollection AddAttachmentStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (DatabaseOptions.From(configuration).ProviderKind == DatabaseProvider.PostgreSQL)
        {
            services.AddSingleton<IAttachmentStore, DatabaseAttachmentStore>();
        }
        else
        {
            services.AddScoped<IAttachmentStore, FileAttachmentStore>();
        }

        return services;
    }
}
