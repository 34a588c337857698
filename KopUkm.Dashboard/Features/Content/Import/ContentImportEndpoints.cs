using System.Text;
using CsvHelper;
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

    /// <summary>UTF-8 with a byte-order mark, so that spreadsheet programs open it correctly.</summary>
    public static byte[] Template()
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), leaveOpen: true))
        {
            csv.WriteRecord([.. ContentCsvFormat.Header]);
            csv.WriteRecord(["https://diskopukm.jambiprov.go.id/layanan/nib-oss", "Pendampingan NIB dan perizinan OSS", "halaman", "situs", "UMK", "setiap saat", "", "", "2026-01-15", "NIB-OSS"]);
            csv.WriteRecord(["https://www.instagram.com/p/Cx1a2b3c4d5/", "Jadwal pelatihan UMKM Oktober", "media sosial", "instagram", "UMK", "", "", "", "03/10/2026", ""]);
            csv.Flush();
        }

        return buffer.ToArray();
    }
}
