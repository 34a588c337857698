using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// What an inventory import did. <see cref="FileError"/> means the file (or the sitemap at the address) as a whole
/// could not be read and nothing was added; otherwise the valid rows were added and the rejected ones are listed.
/// </summary>
/// <param name="Added">New items created.</param>
/// <param name="AlreadyPresent">Valid rows whose URL was already in the inventory: left exactly as they were.</param>
/// <param name="WithoutRule">Of the added, those no URL rule matched, filed under the fallback division.</param>
/// <param name="DuplicatesInFile">Repeats of a URL the same import already listed; counted once.</param>
/// <param name="FilesRead">Sitemap files read (the index and its children); 1 for a CSV file.</param>
/// <param name="ReadAsWindows1252">A CSV that was not UTF-8 and was read as Windows-1252: names with accents deserve a look.</param>
public sealed record ContentImportResult(
    int Added,
    int AlreadyPresent,
    int WithoutRule,
    int DuplicatesInFile,
    int FilesRead,
    string? FallbackDivisionCode,
    string? FallbackDivisionName,
    CsvLineError? FileError,
    IReadOnlyList<ContentImportRejection> Rejections,
    bool ReadAsWindows1252 = false)
{
    public static ContentImportResult Failed(CsvLineError error) => new(0, 0, 0, 0, 0, null, null, error, []);

    public int RejectedRows => Rejections.Select(r => (r.Source, r.Error.Line)).Distinct().Count();
}

/// <summary>
/// A rejected row or entry: where it came from (a child sitemap's address; null for the file that was uploaded or
/// named) and why, as a line number, a resource key and the offending value.
/// </summary>
public sealed record ContentImportRejection(string? Source, CsvLineError Error);

public enum ImportStage
{
    Reading,
    Saving,
}

/// <summary>How far an import is: sitemap files read so far, then rows saved out of the total.</summary>
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);
