using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class ImportDatesTests
{
    [Theory]
    [InlineData("2026-08-17")]
    [InlineData("17/08/2026")]
    [InlineData("17/8/2026")]
    public void Iso_and_day_first_dates_are_read(string text)
    {
        Assert.True(ImportDates.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 8, 17), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("08/17/2026")]
    [InlineData("17-08-2026")]
    [InlineData("2026/08/17")]
    [InlineData("17 Agustus 2026")]
    [InlineData("31/02/2026")]
    public void Anything_else_is_refused_rather_than_guessed(string? text) =>
        Assert.False(ImportDates.TryParse(text, out _));

    [Fact]
    public void A_single_digit_day_and_month_read_day_first() =>
        Assert.Equal((true, new DateOnly(2026, 2, 3)), (ImportDates.TryParse("3/2/2026", out var date), date));
}
