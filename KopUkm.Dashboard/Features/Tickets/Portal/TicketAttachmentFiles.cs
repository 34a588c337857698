using System.Security.Cryptography;
using KopUkm.Dashboard.Data;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>One file as it arrived from a form: its name, declared length and a way to read it.</summary>
public sealed record IncomingFile(string FileName, long Length, Func<Stream> Open);

/// <summary>A file written to the attachment folder, not yet recorded on a ticket.</summary>
public sealed record StoredFile(string FileName, string ContentType, long SizeBytes, string StoredName);

/// <summary>
/// The applicant's files: at most <see cref="MaxFiles"/>, each at most <see cref="MaxBytes"/>, PDF, JPEG or PNG as
/// the first bytes say (the name's extension is not trusted), written under <c>&lt;Data:Folder&gt;/attachments/</c>
/// with random names — never under wwwroot, so nothing is served without a check.
/// </summary>
public sealed class TicketAttachmentFiles(DataPaths paths)
{
    public const int MaxFiles = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

    public string Folder => Path.Combine(paths.Folder, "attachments");

    /// <summary>The content type the first bytes prove, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf",   // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };

    /// <summary>Field-level problems with the chosen files (resource keys), empty when all are acceptable.</summary>
    public static async Task<List<Common.CommandError>> CheckAsync(IReadOnlyList<IncomingFile> files, string field, CancellationToken ct)
    {
        var errors = new List<Common.CommandError>();
        if (files.Count > MaxFiles)
        {
            errors.Add(new(field, "Portal.Files.TooMany", [MaxFiles]));
            return errors;
        }

        foreach (var file in files)
        {
            if (file.Length > MaxBytes)
            {
                errors.Add(new(field, "Portal.Files.TooLarge", [Clean(file.FileName), MaxBytes / (1024 * 1024)]));
            }
            else if (file.Length == 0 || await SniffAsync(file, ct) is null)
            {
                errors.Add(new(field, "Portal.Files.WrongType", [Clean(file.FileName)]));
            }
        }

        return errors;
    }

    /// <summary>Writes checked files under random names. On any failure, the ones already written are deleted.</summary>
    public async Task<List<StoredFile>> WriteAsync(IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var written = new List<StoredFile>();
        try
        {
            foreach (var file in files)
            {
                var type = await SniffAsync(file, ct) ?? throw new InvalidOperationException("Unchecked attachment.");
                var stored = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Extension(type);
                var path = Path.Combine(Folder, stored);
                long size;
                await using (var source = file.Open())
                await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    written.Add(new StoredFile(Clean(file.FileName), type, 0, stored));
                    await CopyLimitedAsync(source, target, ct);
                    size = target.Length;
                }

                written[^1] = written[^1] with { SizeBytes = size };
            }

            return written;
        }
        catch
        {
            Delete(written);
            throw;
        }
    }

    public void Delete(IEnumerable<StoredFile> files)
    {
        foreach (var file in files)
        {
            File.Delete(Path.Combine(Folder, file.StoredName));
        }
    }

    /// <summary>Opens a stored file; null when it is missing on disk.</summary>
    public Stream? Open(string storedName)
    {
        var path = Path.Combine(Folder, Path.GetFileName(storedName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>A display name without folders or control characters, at most 120 characters.</summary>
    public static string Clean(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>'))]).Trim();
        if (name.Length == 0)
        {
            name = "lampiran";
        }

        return name.Length > 120 ? name[..60] + "…" + name[^59..] : name;
    }

    private static async Task<string?> SniffAsync(IncomingFile file, CancellationToken ct)
    {
        await using var stream = file.Open();
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return Sniff(head.AsSpan(0, read));
    }

    private static async Task CopyLimitedAsync(Stream source, Stream target, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                throw new InvalidOperationException("Attachment larger than its declared length.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        _ => ".png",
    };
}
