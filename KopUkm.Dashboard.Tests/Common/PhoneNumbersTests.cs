using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Tests.Common;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("081234567890")]
    [InlineData("0812-3456-7890")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("6281234567890")]
    [InlineData("0741 123456")]
    public void Accepts_numbers_as_people_write_them(string phone) => Assert.True(PhoneNumbers.IsValid(phone));

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0812345678901234567")]
    [InlineData("08123abc890")]
    [InlineData("+1 202 555 0100")]
    public void Refuses_what_cannot_be_an_indonesian_number(string phone) => Assert.False(PhoneNumbers.IsValid(phone));
}
