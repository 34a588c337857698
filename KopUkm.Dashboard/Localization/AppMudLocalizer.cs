using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// Gives MudBlazor's own texts (pager, filters, date pickers) the app's language: a key such as
/// <c>MudDataGrid_RowsPerPage</c> is looked up as <c>Mud.MudDataGrid_RowsPerPage</c> in the app's resources,
/// falling back to MudBlazor's English. Numbers in those texts (the pager's "1–25 dari 3.909") are written in the
/// reader's culture with thousands separators.
/// </summary>
internal sealed class AppMudLocalizer(IStringLocalizer<SharedResource> strings) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var translated = strings["Mud." + key];
            return translated.ResourceNotFound ? base[key] : new LocalizedString(key, translated.Value);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var format = this[key];
            var culture = CultureInfo.CurrentCulture;
            var values = arguments.Select(a => NumberText.Format(a, culture)).ToArray();
            return new LocalizedString(key, string.Format(culture, format.Value, values), format.ResourceNotFound);
        }
    }
}
