namespace KopUkm.Dashboard.Common;

/// <summary>A rejected line: its number in the file, a resource key for the reason, and the offending value.</summary>
public sealed record CsvLineError(int Line, string MessageKey, string Value);
