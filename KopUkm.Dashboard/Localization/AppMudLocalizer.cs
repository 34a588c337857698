using Microsoft.Extensions.Localization;
using MudBlazor;

namespace KopUkm.Dashboard.Localization;

/// <summary>
/// Gives MudBlazor's own texts (pager, filters, date pickers) the app's language: a key such as
/// <c>MudDataGrid_RowsPerPage</c> is looked up as <c>Mud.MudDataGrid_RowsPerPage</c> in the app's resources,
/// falling back to MudBlazor's English.
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
}
