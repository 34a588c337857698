using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Limits of the cooperative import (<c>Cooperatives:Import</c>): what a file may be before it is read at all. They
/// keep one upload from taking the server's memory or minutes of its time (docs/security.md).
/// </summary>
public sealed class CooperativeImportOptions : ISettings
{
    /// <summary>The largest file accepted, CSV or .xlsx: 200,000 rows of the office layout are about 50 MB as CSV.</summary>
    public int MaxFileMegabytes { get; set; } = 64;

    /// <summary>The most rows a file may have (blank rows count): more is refused before anything is saved.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>
    /// The most an .xlsx may unpack to, all its parts together. A workbook is a zip of XML; 100,000 rows of the office
    /// layout unpack to about 120 MB, so the default holds <see cref="MaxRows"/> with room, while a "zip bomb" (a few
    /// megabytes that unpack to gigabytes) is refused after reading no more than this.
    /// </summary>
    public int MaxUnpackedMegabytes { get; set; } = 320;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024L;

    public IEnumerable<SettingProblem> Check() =>
        SettingChecks.Range(nameof(MaxFileMegabytes), MaxFileMegabytes, 1, 1024)
            .Concat(SettingChecks.Range(nameof(MaxRows), MaxRows, 1, 10_000_000))
            .Concat(SettingChecks.Range(nameof(MaxUnpackedMegabytes), MaxUnpackedMegabytes, 1, 10_240));
}
