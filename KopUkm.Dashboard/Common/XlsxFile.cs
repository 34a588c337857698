using System.IO.Compression;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// Checks an .xlsx before a spreadsheet reader opens it. A workbook is a zip of XML parts, and a few megabytes can
/// unpack to gigabytes (a "zip bomb": a 7.5 MB file once took 97 s and 1.9 GB to read). The declared sizes in the
/// zip directory are added up first, then every part is actually unpacked, counting bytes and discarding them, so
/// a directory that understates a size is caught too. Nothing is kept: memory stays one buffer.
/// </summary>
public static class XlsxFile
{
    /// <summary>What the check found.</summary>
    public enum Verdict
    {
        Readable,
        TooLarge,
        Damaged,
    }

    /// <summary>Reads a seekable stream from its position and puts the position back.</summary>
    public static Verdict Check(Stream file, long maxUnpackedBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        var start = file.Position;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > maxUnpackedBytes)
                {
                    return Verdict.TooLarge;
                }
            }

            var buffer = new byte[64 * 1024];
            long unpacked = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes)
                    {
                        return Verdict.TooLarge;
                    }
                }
            }

            return Verdict.Readable;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            // Not a zip, a damaged one, or a part packed with a method .NET does not unpack.
            return Verdict.Damaged;
        }
        finally
        {
            file.Position = start;
        }
    }
}
