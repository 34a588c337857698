using System.Globalization;
using CsvHelper;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Localization;
using static KopUkm.Dashboard.Features.Content.Import.ContentCsvFormat;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>
/// Reads the inventory CSV (<see cref="ContentCsvFormat"/>) into rows, checking what can be checked without the
/// database: the URL, kind and channel, category, interval and date. Division codes, service codes and editors are
/// looked up by the import service. Each bad row is reported with its line and a resource key, never guessed.
/// Pure and clocked: today's date (WIB) is passed in.
/// </summary>
public static class ContentCsvParser
{
    /// <summary>
    /// Comma or semicolon; blank lines are skipped. The encoding is what <see cref="TextFileEncoding"/> finds (a
    /// byte-order mark, else UTF-8, else Windows-1252, which the result reports). The stream must be seekable.
    /// </summary>
    public static ContentCsvParse Parse(Stream stream, DateOnly todayWib)
    {
        var encoding = TextFileEncoding.Detect(stream);
        using var csv = CsvFile.OpenReader(stream, encoding);
        try
        {
            var columns = new Dictionary<Column, int>();
            var headers = csv.Headers ?? [];
            for (var i = 0; i < headers.Count; i++)
            {
                if (ColumnOf(headers[i]) is { } column)
                {
                    columns.TryAdd(column, i);
                }
            }

            if (!columns.ContainsKey(Column.Url))
            {
                return new ContentCsvParse([], [], new CsvLineError(1, "Csv.MissingHeader", "url"), encoding.IsWindows1252Fallback);
            }

            var rows = new List<ContentCsvRow>();
            var errors = new List<CsvLineError>();
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string Cell(Column column) =>
                    columns.TryGetValue(column, out var index) && index < csv.FieldCount ? csv.GetString(index).Trim() : "";

                var cells = Enum.GetValues<Column>().ToDictionary(c => c, Cell);
                if (cells.Values.All(v => v.Length == 0))
                {
                    continue;
                }

                var rowErrors = new List<CsvLineError>();
                var row = ReadRow(line, cells, todayWib, rowErrors);
                if (rowErrors.Count == 0)
                {
                    rows.Add(row);
                }

                errors.AddRange(rowErrors);
            }

            return new ContentCsvParse(rows, errors, null, encoding.IsWindows1252Fallback);
        }
        catch (CsvFormatException)
        {
            return new ContentCsvParse([], [], new CsvLineError(0, "ContentImport.UnreadableCsv", ""), encoding.IsWindows1252Fallback);
        }
    }

    private static ContentCsvRow ReadRow(int line, Dictionary<Column, string> cells, DateOnly todayWib, List<CsvLineError> errors)
    {
        var url = "";
        if (cells[Column.Url].Length == 0)
        {
            errors.Add(new CsvLineError(line, "ContentImport.UrlRequired", ""));
        }
        else if (!ContentUrls.TryNormalize(cells[Column.Url], out url))
        {
            errors.Add(new CsvLineError(line, "ContentImport.BadUrl", cells[Column.Url]));
        }

        var title = cells[Column.Title];
        if (title.Length > 300)
        {
            errors.Add(new CsvLineError(line, "ContentImport.TitleTooLong", "300"));
        }

        ContentKind? kind = null;
        if (cells[Column.Kind].Length > 0)
        {
            if (TryKind(cells[Column.Kind], out var k))
            {
                kind = k;
            }
            else
            {
                errors.Add(new CsvLineError(line, "ContentImport.UnknownKind", cells[Column.Kind]));
            }
        }

        ContentChannel? channel = null;
        if (cells[Column.Channel].Length > 0)
        {
            if (TryChannel(cells[Column.Channel], out var c))
            {
                channel = c;
            }
            else
            {
                errors.Add(new CsvLineError(line, "ContentImport.UnknownChannel", cells[Column.Channel]));
            }
        }

        // A blank channel follows from the address (an instagram.com link is an Instagram post); a blank kind from the channel.
        channel ??= url.Length > 0 ? SocialChannelOf(url) ?? ContentChannel.Website : ContentChannel.Website;
        kind ??= channel == ContentChannel.Website ? ContentKind.WebsitePage : ContentKind.SocialPost;
        if (kind == ContentKind.SocialPost && channel == ContentChannel.Website)
        {
            errors.Add(new CsvLineError(line, "ContentImport.SocialNeedsChannel", cells[Column.Channel]));
        }
        else if (kind != ContentKind.SocialPost && channel != ContentChannel.Website)
        {
            errors.Add(new CsvLineError(line, "ContentImport.PageNeedsWebsite", channel.Value.ToString()));
        }

        InformationCategory? category = null;
        if (cells[Column.Category].Length > 0)
        {
            if (TryCategory(cells[Column.Category], out var cat))
            {
                category = cat;
            }
            else
            {
                errors.Add(new CsvLineError(line, "ContentImport.UnknownCategory", cells[Column.Category]));
            }
        }

        int? interval = null;
        if (cells[Column.IntervalDays].Length > 0)
        {
            if (int.TryParse(cells[Column.IntervalDays], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 7 and <= 730)
            {
                interval = days;
            }
            else
            {
                errors.Add(new CsvLineError(line, "ContentImport.BadInterval", cells[Column.IntervalDays]));
            }
        }

        DateTime? published = null;
        if (cells[Column.Published].Length > 0)
        {
            if (!ImportDates.TryParse(cells[Column.Published], out var date))
            {
                errors.Add(new CsvLineError(line, "Csv.BadDate", cells[Column.Published]));
            }
            else if (date > todayWib)
            {
                errors.Add(new CsvLineError(line, "ContentImport.FutureDate", cells[Column.Published]));
            }
            else
            {
                // A date alone is that day in WIB: its start, so the WIB date shown and counted is the one written.
                published = WibTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
            }
        }

        var email = cells[Column.EditorEmail];
        if (email.Length > 0 && !EmailAddresses.IsValid(email))
        {
            errors.Add(new CsvLineError(line, "ContentImport.BadEmail", email));
        }

        return new ContentCsvRow(
            line,
            url,
            title.Length == 0 ? null : title,
            kind.Value,
            channel.Value,
            NullIfBlank(cells[Column.Division])?.ToUpperInvariant(),
            category,
            interval,
            NullIfBlank(email),
            published,
            NullIfBlank(cells[Column.Service])?.ToUpperInvariant());
    }

    private static string? NullIfBlank(string value) => value.Length == 0 ? null : value;
}

/// <summary>One row that passed the file-level checks. Codes are upper-case; lookups happen in the service.</summary>
public sealed record ContentCsvRow(
    int Line,
    string Url,
    string? Title,
    ContentKind Kind,
    ContentChannel Channel,
    string? DivisionCode,
    InformationCategory? Category,
    int? IntervalDays,
    string? EditorEmail,
    DateTime? PublishedAtUtc,
    string? ServiceCode);

/// <summary>The good rows, every rejected line, or an error that rejects the file as a whole; whether it was read as Windows-1252.</summary>
public sealed record ContentCsvParse(IReadOnlyList<ContentCsvRow> Rows, IReadOnlyList<CsvLineError> Errors, CsvLineError? FileError, bool ReadAsWindows1252);
