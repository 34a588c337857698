using KopUkm.Dashboard.Features.Cooperatives;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

public sealed class CooperativeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static CooperativeForm Valid() => new()
    {
        Name = "Koperasi Simpan Pinjam Sejahtera",
        RegionId = 1,
        MemberCount = 20,
        Nib = "1234567890123",
        Nik = "1571010020001",
        Phone = "0812-3456-7890",
        Email = "ksp.sejahtera@gmail.com",
        FoundedOn = new DateOnly(2015, 3, 1),
        DeedDate = new DateOnly(2015, 3, 1),
        AhuDecreeDate = new DateOnly(2015, 4, 10),
        LastRatYear = 2025,
    };

    private static IEnumerable<(string? Field, string Key)> Errors(CooperativeForm form) =>
        CooperativeRules.Validate(form, Today).Select(e => (e.Field, e.MessageKey));

    [Fact]
    public void A_complete_record_is_valid() => Assert.Empty(CooperativeRules.Validate(Valid(), Today));

    [Theory]
    [InlineData("123456789012", false)]
    [InlineData("12345678901234", false)]
    [InlineData("12345678901a3", false)]
    [InlineData("1234567890123", true)]
    [InlineData("", true)]
    public void Nib_is_exactly_13_digits_when_given(string nib, bool valid)
    {
        var form = Valid();
        form.Nib = nib;

        Assert.Equal(valid, !Errors(form).Contains((nameof(CooperativeForm.Nib), "Cooperatives.NibFormat")));
    }

    [Fact]
    public void Nik_is_digits_only()
    {
        var form = Valid();
        form.Nik = "1571-0100";

        Assert.Contains((nameof(CooperativeForm.Nik), "Cooperatives.NikFormat"), Errors(form));
    }

    [Fact]
    public void Name_and_region_are_required()
    {
        var form = Valid();
        form.Name = "  ";
        form.RegionId = 0;

        Assert.Contains((nameof(CooperativeForm.Name), "Validation.Required"), Errors(form));
        Assert.Contains((nameof(CooperativeForm.RegionId), "Validation.Required"), Errors(form));
    }

    [Fact]
    public void Founding_date_cannot_be_in_the_future_but_today_is_fine()
    {
        var form = Valid();
        form.FoundedOn = Today;
        Assert.DoesNotContain((nameof(CooperativeForm.FoundedOn), "Validation.NotInFuture"), Errors(form));

        form.FoundedOn = Today.AddDays(1);
        Assert.Contains((nameof(CooperativeForm.FoundedOn), "Validation.NotInFuture"), Errors(form));
    }

    [Theory]
    [InlineData(CooperativeLevel.Primer, 8, false)]
    [InlineData(CooperativeLevel.Primer, 9, true)]
    [InlineData(CooperativeLevel.Sekunder, 2, false)]
    [InlineData(CooperativeLevel.Sekunder, 3, true)]
    public void Primary_cooperatives_need_nine_members_and_secondary_ones_three(CooperativeLevel level, int members, bool valid)
    {
        var form = Valid();
        form.Level = level;
        form.MemberCount = members;

        Assert.Equal(valid, !Errors(form).Any(e => e.Field == nameof(CooperativeForm.MemberCount)));
    }

    [Theory]
    [InlineData("0812 3456 7890", true)]
    [InlineData("+62 741 123456", true)]
    [InlineData("12-34", false)]
    public void Phone_follows_indonesian_formats(string phone, bool valid)
    {
        var form = Valid();
        form.Phone = phone;

        Assert.Equal(valid, !Errors(form).Contains((nameof(CooperativeForm.Phone), "Validation.Phone")));
    }

    [Theory]
    [InlineData("nama@domain", false)]
    [InlineData("bukan email", false)]
    [InlineData("koperasi@jambiprov.go.id", true)]
    public void Email_must_be_an_address(string email, bool valid)
    {
        var form = Valid();
        form.Email = email;

        Assert.Equal(valid, !Errors(form).Contains((nameof(CooperativeForm.Email), "Validation.Email")));
    }

    [Fact]
    public void Ahu_decree_cannot_predate_the_deed()
    {
        var form = Valid();
        form.AhuDecreeDate = form.DeedDate!.Value.AddDays(-1);

        Assert.Contains((nameof(CooperativeForm.AhuDecreeDate), "Cooperatives.AhuBeforeDeed"), Errors(form));
    }

    [Theory]
    [InlineData("Koperasi Simpan Pinjam Maju-Jaya", "SIMPAN PINJAM MAJU JAYA")]
    [InlineData("  KOP.  simpan   pinjam maju jaya ", "SIMPAN PINJAM MAJU JAYA")]
    [InlineData("KSP Maju Jaya", "KSP MAJU JAYA")]
    public void Normalized_names_ignore_spelling_noise_but_not_abbreviations(string name, string expected) =>
        Assert.Equal(expected, CooperativeRules.NormalizeName(name));
}
