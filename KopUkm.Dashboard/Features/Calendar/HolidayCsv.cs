using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Calendar;

/// <summary>
/// Reads a year's holiday list: header <c>date,kind,name</c> (case-insensitive, comma or semicolon), dates as
/// YYYY-MM-DD or DD/MM/YYYY, kind "libur nasional" or "cuti bersama". Bad rows are reported by line, never guessed.
/// The encoding is what <see cref="TextFileEncoding"/> finds in the (seekable) stream.
/// </summary>
public static class HolidayCsv
{
    public static HolidayCsvResult Parse(Stream stream)
    {
        var holidays = new List<Holiday>();
        var errors = new List<CsvLineError>();
        var encoding = TextFileEncoding.Detect(stream);
        using var csv = CsvFile.OpenReader(stream, encoding);
        if (!CsvFile.HasColumns(csv, "date", "kind", "name"))
        {
            errors.Add(new CsvLineError(1, "Csv.MissingHeader", "date,kind,name"));
            return new HolidayCsvResult(holidays, errors, encoding.IsWindows1252Fallback);
        }

        var seen = new HashSet<DateOnly>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var dateText = csv.GetString("date").Trim();
            var kindText = csv.GetString("kind").Trim();
            var name = csv.GetString("name").Trim();

            if (!ImportDates.TryParse(dateText, out var date))
            {
                errors.Add(new CsvLineError(line, "Csv.BadDate", dateText));
                continue;
            }

            if (ParseKind(kindText) is not { } kind)
            {
                errors.Add(new CsvLineError(line, "Csv.BadHolidayKind", kindText));
                continue;
            }

            if (name.Length is 0 or > 200)
            {
                errors.Add(new CsvLineError(line, "Csv.BadName", name));
                continue;
            }

            if (!seen.Add(date))
            {
                errors.Add(new CsvLineError(line, "Csv.DuplicateDate", dateText));
                continue;
            }

            holidays.Add(new Holiday { Date = date, Kind = kind, Name = name });
        }

        return new HolidayCsvResult(holidays, errors, encoding.IsWindows1252Fallback);
    }

    private static HolidayKind? ParseKind(string text) => text.ToLowerInvariant().Replace("_", " ", StringComparison.Ordinal) switch
    {
        "libur nasional" or "liburnasional" or "national holiday" => HolidayKind.LiburNasional,
        "cuti bersama" or "cutibersama" or "collective leave" => HolidayKind.CutiBersama,
        _ => null,
    };
}

public sealed record HolidayCsvResult(IReadOnlyList<Holiday> Holidays, IReadOnlyList<CsvLineError> Errors, bool ReadAsWindows1252);
