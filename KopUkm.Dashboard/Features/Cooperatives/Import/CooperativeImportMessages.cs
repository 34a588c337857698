using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Calendar;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Cooperatives.Import;

/// <summary>Import errors in the reader's language, the same on the page and at the console.</summary>
public static class CooperativeImportMessages
{
    /// <summary>Why a line was rejected, without its line number.</summary>
    public static string Reason(this IStringLocalizer L, CsvLineError error) => L[error.MessageKey, error.Value];

    /// <summary>"Baris 7: …" for a rejected row; an error about the file as a whole is its reason alone.</summary>
    public static string LineMessage(this IStringLocalizer L, CsvLineError error) =>
        error.Line > 0 ? L["Csv.Line", error.Line, L.Reason(error)] : L.Reason(error);
}
