using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>
/// What the first pass over a file decided, row by row, before anything is written: which lines add a cooperative,
/// which update which record (at which version), the counts, the first valid rows for the preview and the reasons
/// for the bad ones. It keeps a bit per line to add and a few bytes per cooperative to update, never the rows
/// themselves, so the second pass reads the file again instead.
/// </summary>
internal sealed class CooperativeImportPlan(IReadOnlySet<string> columns, bool readAsWindows1252)
{
    private readonly List<ulong> linesToAdd = [];
    private readonly Dictionary<int, Decision> updates = [];
    private readonly List<CsvLineError> errors = [];
    private readonly List<CooperativeImportPreviewRow> firstRows = [];

    public IReadOnlySet<string> Columns { get; } = columns;

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int BadRows { get; private set; }

    /// <summary>Every reason found, including those beyond <see cref="CooperativeImportService.MaxReportedErrors"/>.</summary>
    public int ErrorCount { get; private set; }

    public int ToSave => Added + Updated;

    public void Add(int line)
    {
        while (linesToAdd.Count <= line / 64)
        {
            linesToAdd.Add(0);
        }

        linesToAdd[line / 64] |= 1UL << (line % 64);
    }

    public void Update(int line, int cooperativeId, long version) => updates[line] = new Decision(CooperativeImportAction.Update, cooperativeId, version);

    /// <summary>Counts a row's action and lists it while the preview has room.</summary>
    public void Count(CooperativeImportPreviewRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        switch (row.Action)
        {
            case CooperativeImportAction.Add:
                Added++;
                break;
            case CooperativeImportAction.Update:
                Updated++;
                break;
            default:
                Unchanged++;
                break;
        }

        if (firstRows.Count < CooperativeImportService.PreviewRowCount)
        {
            firstRows.Add(row);
        }
    }

    /// <summary>The reasons of one batch, sorted by line; each distinct line is one bad row.</summary>
    public void Reject(IEnumerable<CsvLineError> batchErrors)
    {
        foreach (var group in batchErrors.OrderBy(e => e.Line).GroupBy(e => e.Line))
        {
            BadRows++;
            foreach (var error in group)
            {
                ErrorCount++;
                if (errors.Count < CooperativeImportService.MaxReportedErrors)
                {
                    errors.Add(error);
                }
            }
        }
    }

    public Decision? DecisionFor(int line) =>
        line / 64 < linesToAdd.Count && (linesToAdd[line / 64] & (1UL << (line % 64))) != 0
            ? new Decision(CooperativeImportAction.Add, 0, 0)
            : updates.TryGetValue(line, out var decision) ? decision : null;

    public CooperativeImportPreview ToPreview() =>
        new(Added, Updated, Unchanged, null, errors, firstRows, BadRows, ErrorCount, readAsWindows1252);

    public CooperativeImportResult ToResult() =>
        new(Added, Updated, Unchanged, null, errors, BadRows, ErrorCount, readAsWindows1252);

    /// <summary>Nothing was saved (someone changed the register meanwhile): the counts go, the reasons stay.</summary>
    public CooperativeImportResult ToRefusal(CsvLineError why) =>
        new(0, 0, 0, why, errors, BadRows, ErrorCount, readAsWindows1252);

    /// <summary>What to do with one valid line: add, or update the cooperative with this id, still at this version.</summary>
    public readonly record struct Decision(CooperativeImportAction Action, int CooperativeId, long Version);
}
