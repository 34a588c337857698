using System.Net;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Content.Standards;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>The public pages answer anonymous visitors with plain server-rendered HTML and nothing personal, on both databases.</summary>
public abstract class PublicStandardsPagesTests(PublicStandardsPagesTests.Factory factory)
{
    public sealed class OnSqlite(Factory factory) : PublicStandardsPagesTests(factory), IClassFixture<Factory>;

    public sealed class OnPostgreSql(PostgreSqlFactory factory) : PublicStandardsPagesTests(factory), IClassFixture<PostgreSqlFactory>;

    public sealed class PostgreSqlFactory() : Factory(TestProvider.PostgreSql);

    /// <summary>The app with the demo standards published, one of them carrying an editor's attempt at raw HTML.</summary>
    public class Factory : AppFactory
    {
        public Factory()
            : this(TestProvider.Sqlite)
        {
        }

        protected Factory(TestProvider provider)
            : base(provider)
        {
        }

        private readonly SemaphoreSlim once = new(1, 1);
        private bool seeded;

        /// <summary>The editors and approvers of the seeded standards: names the public pages must not show.</summary>
        public List<string> StaffNames { get; } = [];

        public async Task<HttpClient> ClientAsync()
        {
            await once.WaitAsync();
            try
            {
                if (!seeded)
                {
                    using var scope = Services.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<ServiceStandardDemoSeeder>().SeedAsync();
                    var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
                    await using var db = await dbFactory.CreateDbContextAsync();
                    var halal = await db.Set<ServiceStandard>().OrderBy(s => s.Id)
                        .Where(s => db.Set<KopUkm.Dashboard.Features.Content.ContentItem>().Any(c => c.Id == s.ContentItemId && c.Title.Contains("halal")))
                        .FirstAsync();
                    StaffNames.AddRange(await db.Set<KopUkm.Dashboard.Features.Content.ContentItem>().Where(c => c.EditorName != null).Select(c => c.EditorName!).ToListAsync());
                    StaffNames.AddRange(await db.Set<ServiceStandard>().Where(s => s.ApprovedByName != null).Select(s => s.ApprovedByName!).ToListAsync());
                    halal.PublishedFees = "Gratis <script>alert('x')</script> <b onclick=\"x()\">tebal</b>";
                    await db.SaveChangesAsync();
                    seeded = true;
                }
            }
            finally
            {
                once.Release();
            }

            return HttpLogin.AnonymousClient(this);
        }
    }

    [Theory]
    [InlineData("/publik", "Layanan Koperasi dan UMKM Provinsi Jambi")]
    [InlineData("/standar-pelayanan", "Pendampingan NIB dan perizinan OSS")]
    [InlineData("/standar-pelayanan/NIB-OSS", "Jangka waktu penyelesaian")]
    public async Task Anonymous_visitors_get_the_public_pages_as_plain_html_without_the_circuit_script(string path, string text)
    {
        var client = await factory.ClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MudBlazor.min", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.Contains("public.", html, StringComparison.Ordinal);
        // Nothing about the people behind it: no editor, approver or demo account appears.
        Assert.DoesNotContain("@kopukm.demo", html, StringComparison.Ordinal);
        Assert.NotEmpty(factory.StaffNames);
        Assert.All(factory.StaffNames.Distinct(), name => Assert.DoesNotContain(name, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_standard_shows_the_six_components_the_legal_basis_the_targets_and_the_last_review()
    {
        var client = await factory.ClientAsync();

        var html = await client.GetStringAsync("/standar-pelayanan/nib-oss");

        foreach (var heading in new[] { "Persyaratan", "Sistem, mekanisme dan prosedur", "Jangka waktu penyelesaian", "Biaya/tarif", "Produk pelayanan", "Penanganan pengaduan, saran dan masukan", "Dasar hukum" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("Terakhir ditinjau", html, StringComparison.Ordinal);
        Assert.Contains("href=\"ajukan/NIB-OSS\"", html, StringComparison.Ordinal);
        Assert.Contains("Bidang Usaha Mikro", html, StringComparison.Ordinal);
        Assert.Contains("Tidak dipungut biaya", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_an_editor_typed_into_a_component_reaches_the_public_as_text()
    {
        var client = await factory.ClientAsync();

        var html = await client.GetStringAsync("/standar-pelayanan/HALAL");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=\"x()\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_works_without_script_by_name_and_by_division()
    {
        var client = await factory.ClientAsync();

        var byName = await client.GetStringAsync("/standar-pelayanan?q=halal");
        var byDivision = await client.GetStringAsync("/standar-pelayanan?bidang=KLM");
        var nothing = await client.GetStringAsync("/standar-pelayanan?q=tidak-ada-layanan-ini");

        Assert.Contains("Fasilitasi sertifikasi halal", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Konsultasi koperasi", byName, StringComparison.Ordinal);
        Assert.Contains("Konsultasi koperasi", byDivision, StringComparison.Ordinal);
        Assert.DoesNotContain("Fasilitasi sertifikasi halal", byDivision, StringComparison.Ordinal);
        Assert.Contains("Tidak ada layanan yang cocok", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_answers_404_with_a_not_found_page_in_the_public_layout()
    {
        var client = await factory.ClientAsync();

        var response = await client.GetAsync("/standar-pelayanan/TIDAK-ADA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Layanan tidak ditemukan", html, StringComparison.Ordinal);
        Assert.Contains("pub-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_links_to_the_public_home_and_english_is_served_on_request()
    {
        var client = await factory.ClientAsync();

        var login = await client.GetStringAsync("/Account/Login");
        var english = await client.GetStringAsync("/standar-pelayanan/NIB-OSS?culture=en-US&ui-culture=en-US");

        Assert.Contains("href=\"/publik\"", login, StringComparison.Ordinal);
        Assert.Contains("NIB and OSS licensing guidance", english, StringComparison.Ordinal);
        Assert.Contains("Completion time", english, StringComparison.Ordinal);
    }
}
