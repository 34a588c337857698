namespace KopUkm.Dashboard.Features.Cooperatives.Pages;

/// <summary>Form fields that show their own errors beside the input.</summary>
internal static class CooperativeFormFields
{
    public static readonly string[] All =
    [
        nameof(CooperativeForm.Name), nameof(CooperativeForm.RegionId), nameof(CooperativeForm.Nib), nameof(CooperativeForm.Nik),
        nameof(CooperativeForm.Phone), nameof(CooperativeForm.Email), nameof(CooperativeForm.FoundedOn), nameof(CooperativeForm.DeedDate),
        nameof(CooperativeForm.AhuDecreeDate), nameof(CooperativeForm.NikCertificateDate), nameof(CooperativeForm.MemberCount),
        nameof(CooperativeForm.LastRatYear),
    ];
}
