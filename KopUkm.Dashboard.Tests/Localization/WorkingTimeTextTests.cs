using System.Globalization;
using KopUkm.Dashboard.Localization;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KopUkm.Dashboard.Tests.Localization;

/// <summary>One unit for working time everywhere: hours under a standard day, working days from one day on.</summary>
public sealed class WorkingTimeTextTests
{
    private static IStringLocalizer Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddAppLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Theory]
    [InlineData(390, "sisa 6,5 jam kerja")]
    [InlineData(-390, "lewat 6,5 jam kerja")]
    [InlineData(-600, "lewat 1,3 hari kerja")]
    [InlineData(450, "sisa 1 hari kerja")]
    [InlineData(3, "sisa 0,1 jam kerja")]
    [InlineData(-45000, "lewat 100 hari kerja")]
    public void Minutes_read_in_hours_under_a_day_and_in_working_days_from_one_day(int minutes, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

        Assert.Equal(expected, WorkingTimeText.LeftOrLate(Localizer(), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void English_readers_get_their_number_format_and_words()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");

        Assert.Equal("1.3 working days late", WorkingTimeText.LeftOrLate(Localizer(), TimeSpan.FromMinutes(-600)));
    }
}
