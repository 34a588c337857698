using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Security;

namespace KopUkm.Dashboard.Features.Content.Import;

/// <summary><c>GET /konten/impor/templat</c>: the inventory CSV's header with two example rows.</summary>
public static class ContentImportEndpoints
{
    public const string TemplatePath = "/konten/impor/templat";

    public static IEndpointRouteBuilder MapContentImportFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TemplatePath, () => Results.File(Template(), "text/csv; charset=utf-8", "templat-impor-konten.csv"))
            .RequireAuthorization(Permissions.ViewContent);
        return endpoints;
    }

    /// <summary>The header and two example rows, written like every CSV of the product (<see cref="CsvFile"/>).</summary>
    public static byte[] Template() => CsvFile.Write(
    [
        ContentCsvFormat.Header,
        ["https://diskopukm.jambiprov.go.id/layanan/nib-oss", "Pendampingan NIB dan perizinan OSS", "halaman", "situs", "UMK", "setiap saat", "", "", "2026-01-15", "NIB-OSS"],
        ["https://www.instagram.com/p/Cx1a2b3c4d5/", "Jadwal pelatihan UMKM Oktober", "media sosial", "instagram", "UMK", "", "", "", "03/10/2026", ""],
    ]);
}
