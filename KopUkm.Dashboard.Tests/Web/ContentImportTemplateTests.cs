using System.Net;
using System.Text;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Content.Import;
using KopUkm.Dashboard.Tests.TestInfrastructure;

namespace KopUkm.Dashboard.Tests.Web;

public sealed class ContentImportTemplateTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_template_is_a_csv_download_with_the_indonesian_header()
    {
        var client = await HttpLogin.SignedInClientAsync(factory, "staf.ti@kopukm.demo", DemoUsers.Password);

        var response = await client.GetAsync(ContentImportEndpoints.TemplatePath);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("templat-impor-konten.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("url,judul,jenis,kanal,bidang,kategori,interval_hari,editor_email,terbit,layanan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_needs_a_signed_in_user()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(ContentImportEndpoints.TemplatePath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
