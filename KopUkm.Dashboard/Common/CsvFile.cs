using CsvHelper;

namespace KopUkm.Dashboard.Common;

/// <summary>How the office's CSV files are read: a header row matched case-insensitively, comma or semicolon.</summary>
public static class CsvFile
{
    public static CsvReaderOptions ReaderOptions() => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        // The separator (comma or semicolon) is detected from the header row.
        Separator = null,
        NormalizeHeaderName = header => header.Trim().TrimStart('\uFEFF').ToLowerInvariant(),
    };

    public static bool HasColumns(CsvReader csv, params string[] columns)
    {
        var headers = csv.Headers?.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToHashSet() ?? [];
        return columns.All(headers.Contains);
    }
}
