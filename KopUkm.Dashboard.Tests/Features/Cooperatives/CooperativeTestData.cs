using KopUkm.Dashboard.Features.Cooperatives;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Features.Cooperatives;

/// <summary>Shared arrangements for cooperative tests: acting users of the right divisions and valid records.</summary>
internal static class CooperativeTestData
{
    public static async Task<(int Klm, int Umk)> DivisionsAsync(TestServices app)
    {
        var divisions = await app.Get<OrganizationService>().ListDivisionsAsync();
        return (divisions.Single(d => d.Code == "KLM").Id, divisions.Single(d => d.Code == "UMK").Id);
    }

    public static async Task ActAsKlmOfficerAsync(TestServices app, string userId = "officer-1")
    {
        var (klm, _) = await DivisionsAsync(app);
        app.ActAs(AppRoles.Petugas, klm, userId, divisionCode: "KLM");
    }

    public static async Task<int> RegionIdAsync(TestServices app, string code = "15.71") =>
        (await app.Get<OrganizationService>().ListRegionsAsync()).Single(r => r.Code == code).Id;

    public static CooperativeForm Form(int regionId, string name = "Koperasi Simpan Pinjam Sejahtera", string nik = "", string nib = "") => new()
    {
        Name = name,
        RegionId = regionId,
        MemberCount = 25,
        Nik = nik,
        Nib = nib,
        Phone = "0812 3456 7890",
        FoundedOn = new DateOnly(2018, 5, 2),
        LastRatYear = 2025,
    };

    public static async Task<int> CreateAsync(TestServices app, CooperativeForm form)
    {
        var saved = await app.Get<CooperativeService>().CreateAsync(form);
        Assert.True(saved.Result.Succeeded, string.Join(", ", saved.Result.Errors.Select(e => e.MessageKey)));
        return saved.Id!.Value;
    }
}
