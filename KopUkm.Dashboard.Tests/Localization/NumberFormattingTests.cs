using System.Globalization;
using Bunit;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KopUkm.Dashboard.Tests.Localization;

/// <summary>
/// Numbers read as the reader writes them: the lists' pager says "1–25 dari 3.909" in Indonesian and "1–25 of 3,909"
/// in English; counts and measures ("75,7") follow the same culture.
/// </summary>
public sealed class NumberFormattingTests : AppBunitContext
{
    [Theory]
    [InlineData("id-ID", 0, "1–25 dari 3.909")]
    [InlineData("id-ID", 156, "3.901–3.909 dari 3.909")]
    [InlineData("en-US", 0, "1–25 of 3,909")]
    public void The_table_pager_of_import_errors_reads_like_the_lists_pager(string culture, int page, string expected)
    {
        UseCulture(culture);
        var text = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

        Assert.Equal(expected, PagerText.Info(text, page, 25, 3909));
    }

    [Theory]
    [InlineData("id-ID", "1–25 dari 3.909", "Baris per halaman")]
    // English reads the same way, with an en dash and English separators.
    [InlineData("en-US", "1–25 of 3,909", "Rows per page")]
    public void The_list_pager_writes_its_range_and_total_in_the_readers_culture(string culture, string expected, string rowsPerPage)
    {
        UseCulture(culture);
        Render<MudPopoverProvider>();

        var grid = Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 3909).ToList())
            .Add(g => g.RowsPerPage, 25)
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<PropertyColumn<int, int>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<int, int>.Property), (System.Linq.Expressions.Expression<Func<int, int>>)(x => x));
                b.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudDataGridPager<int>>(0);
                b.CloseComponent();
            })));

        var pager = grid.Find(".mud-table-pagination").TextContent;
        Assert.Contains(expected, pager, StringComparison.Ordinal);
        Assert.Contains(rowsPerPage, pager, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID", "3.909", "75,7", "1.250,5")]
    [InlineData("en-US", "3,909", "75.7", "1,250.5")]
    public void Counts_and_measures_follow_the_culture(string culture, string count, string percent, string large)
    {
        UseCulture(culture);

        Assert.Equal(count, NumberText.Count(3909));
        Assert.Equal(percent, NumberText.Measure(75.71));
        Assert.Equal(large, NumberText.Measure(1250.49));
        Assert.Equal(count, NumberText.Format("3,909", CultureInfo.CurrentCulture));
        Assert.Equal(percent, NumberText.ChartLabel(75.7));
        Assert.Equal("40", NumberText.ChartLabel(40));
    }
}
