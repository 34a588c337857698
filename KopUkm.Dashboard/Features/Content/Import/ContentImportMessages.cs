using KopUkm.Dashboard.Common;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary>Import messages in the reader's language.</summary>
public static class ContentImportMessages
{
    /// <summary>Why a row or file was rejected, without its line number.</summary>
    public static string ImportMessage(this IStringLocalizer L, CsvLineError error) => L[error.MessageKey, error.Value];
}
