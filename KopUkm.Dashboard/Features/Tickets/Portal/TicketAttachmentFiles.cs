using System.Security.Cryptography;

namespace KopUkm.Dashboard.Features.Tickets.Portal;

/// <summary>One file as it arrived from a form: its name, declared length and a way to read it.</summary>
public sealed record IncomingFile(string FileName, long Length, Func<Stream> Open);

/// <summary>A file kept by the attachment store, not yet recorded on a ticket.</summary>
public sealed record StoredFile(string FileName, string ContentType, long SizeBytes, string StoredName);

/// <summary>
/// The applicant's files: at most <see cref="MaxFiles"/>, each at most <see cref="MaxBytes"/>, PDF, JPEG or PNG as
/// the first bytes say (the name's extension is not trusted), kept under random names by the
/// <see cref="IAttachmentStore"/> of the provider — never under wwwroot, so nothing is served without a check.
/// </summary>
public static class TicketAttachmentFiles
{
    public const int MaxFiles = 3;

    public const long MaxBytes = 5 * 1024 * 1024;

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

    /// <summary>A new random stored name with the extension of <paramref name="contentType"/>.</summary>
    public static string NewStoredName(string contentType) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + Extension(contentType);

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

    internal static async Task<string?> SniffAsync(IncomingFile file, CancellationToken ct)
    {
        await using var stream = file.Open();
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return Sniff(head.AsSpan(0, read));
    }

    /// <summary>Copies through an 80 KB buffer; more than <see cref="MaxBytes"/> is refused (the declared length lied).</summary>
    internal static async Task CopyLimitedAsync(Stream source, Stream target, CancellationToken ct)
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
