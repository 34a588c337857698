using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using KopUkm.Dashboard.Features.Organization;
using static KopUkm.Dashboard.Features.Cooperatives.Import.CooperativeImportValues;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// Reads one row's cells (in <see cref="CooperativeCsvFormat.Header"/> order, null for a column the file lacks)
/// into a form, noting each cell that cannot be read. Missing optional cells keep the form's defaults.
/// </summary>
internal sealed class CooperativeImportRowReader(int line, object?[] cells, IReadOnlyList<RegionItem> regions)
{
    /// <summary>Lengths the database columns hold (the rules check the name; these are the other free-text fields).</summary>
    private static readonly (string Column, int MaxLength)[] TextLimits =
    [
        (CooperativeCsvFormat.Address, 500),
        (CooperativeCsvFormat.Chair, 150),
        (CooperativeCsvFormat.Email, 150),
        (CooperativeCsvFormat.DeedNumber, 100),
        (CooperativeCsvFormat.AhuNumber, 100),
    ];

    private readonly List<CsvLineError> errors = [];
    private readonly HashSet<string> unreadFields = new(StringComparer.Ordinal);

    public IReadOnlyList<CsvLineError> Errors => errors;

    /// <summary>Form fields whose cell was present but could not be read (already reported).</summary>
    public IReadOnlySet<string> UnreadFields => unreadFields;

    public CooperativeForm Read()
    {
        var form = new CooperativeForm
        {
            Name = Cell(CooperativeCsvFormat.Name),
            Address = Cell(CooperativeCsvFormat.Address),
            ChairName = Cell(CooperativeCsvFormat.Chair),
            Phone = PhoneCell(),
            Email = Cell(CooperativeCsvFormat.Email),
            DeedNumber = Cell(CooperativeCsvFormat.DeedNumber),
            AhuDecreeNumber = Cell(CooperativeCsvFormat.AhuNumber),
            Nib = Cell(CooperativeCsvFormat.Nib),
            Nik = Cell(CooperativeCsvFormat.Nik),
        };

        foreach (var (column, maxLength) in TextLimits.Where(l => Cell(l.Column).Length > l.MaxLength))
        {
            errors.Add(new CsvLineError(line, "CooperativeImport.TooLong", column));
        }

        form.Type = Named(CooperativeCsvFormat.Type, CooperativeCsvFormat.TypeNames, form.Type, required: true, nameof(form.Type), "CooperativeImport.UnknownType");
        form.Pattern = Named(CooperativeCsvFormat.Pattern, CooperativeCsvFormat.PatternNames, form.Pattern, required: false, nameof(form.Pattern), "CooperativeImport.UnknownPattern");
        form.Level = Named(CooperativeCsvFormat.Level, CooperativeCsvFormat.LevelNames, form.Level, required: false, nameof(form.Level), "CooperativeImport.UnknownLevel");
        form.ActivityStatus = Named(CooperativeCsvFormat.Status, CooperativeCsvFormat.StatusNames, form.ActivityStatus, required: false, nameof(form.ActivityStatus), "CooperativeImport.UnknownStatus");
        form.RegionId = Region(nameof(form.RegionId));
        form.FoundedOn = Date(CooperativeCsvFormat.FoundedOn, nameof(form.FoundedOn));
        form.DeedDate = Date(CooperativeCsvFormat.DeedDate, nameof(form.DeedDate));
        form.AhuDecreeDate = Date(CooperativeCsvFormat.AhuDate, nameof(form.AhuDecreeDate));
        form.MemberCount = Members(nameof(form.MemberCount));
        form.LastRatYear = RatYear(nameof(form.LastRatYear));
        return form;
    }

    private object? Raw(string column) => cells[CooperativeCsvFormat.IndexOf(column)];

    private string Cell(string column) => Text(Raw(column));

    /// <summary>
    /// Excel drops the leading zero of "0812…" typed without an apostrophe; a mobile number stored as a number
    /// therefore starts with 8, and gets its zero back.
    /// </summary>
    private string PhoneCell()
    {
        var text = Cell(CooperativeCsvFormat.Phone);
        return Raw(CooperativeCsvFormat.Phone) is double && text.StartsWith('8') ? "0" + text : text;
    }

    private TEnum Named<TEnum>(string column, IReadOnlyDictionary<TEnum, string> names, TEnum fallback, bool required, string field, string unknownKey)
        where TEnum : struct, Enum
    {
        var text = Cell(column);
        if (text.Length == 0)
        {
            if (required)
            {
                Unread(field, new CsvLineError(line, "CooperativeImport.Required", column));
            }

            return fallback;
        }

        if (TryName(text, names, out var value))
        {
            return value;
        }

        Unread(field, new CsvLineError(line, unknownKey, text));
        return fallback;
    }

    private int Region(string field)
    {
        var text = Cell(CooperativeCsvFormat.Region);
        if (text.Length == 0)
        {
            Unread(field, new CsvLineError(line, "CooperativeImport.Required", CooperativeCsvFormat.Region));
            return 0;
        }

        if (FindRegion(text, regions) is { } region)
        {
            return region.Id;
        }

        Unread(field, new CsvLineError(line, "CooperativeImport.UnknownRegion", text));
        return 0;
    }

    private DateOnly? Date(string column, string field)
    {
        if (TryDate(Raw(column), out var date))
        {
            return date;
        }

        Unread(field, new CsvLineError(line, "Csv.BadDate", Cell(column)));
        return null;
    }

    private int Members(string field)
    {
        var cell = Raw(CooperativeCsvFormat.Members);
        if (Text(cell).Length == 0)
        {
            Unread(field, new CsvLineError(line, "CooperativeImport.Required", CooperativeCsvFormat.Members));
            return 0;
        }

        if (TryWholeNumber(cell, out var members) && members >= 0)
        {
            return members;
        }

        Unread(field, new CsvLineError(line, "CooperativeImport.BadMembers", Text(cell)));
        return 0;
    }

    private int? RatYear(string field)
    {
        var cell = Raw(CooperativeCsvFormat.LastRat);
        if (Text(cell).Length == 0)
        {
            return null;
        }

        if (TryWholeNumber(cell, out var year))
        {
            return year;
        }

        Unread(field, new CsvLineError(line, "CooperativeImport.RatYearRange", Text(cell)));
        return null;
    }

    private void Unread(string field, CsvLineError error)
    {
        unreadFields.Add(field);
        errors.Add(error);
    }
}
