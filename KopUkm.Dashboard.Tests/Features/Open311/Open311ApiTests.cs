using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Open311.ApiKeys;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KopUkm.Dashboard.Tests.Features.Open311.Open311Calls;

namespace KopUkm.Dashboard.Tests.Features.Open311;

/// <summary>
/// The Open311 GeoReport v2 API over HTTP through the whole app, as another system would call it: discovery, the
/// catalogue, filing with and without a key, the anonymised reads and their limits. One app for the class, on each
/// database.
/// </summary>
public abstract class Open311ApiTests(Open311App app)
{
    private const string Root = Open311App.Root;

    public sealed class OnSqlite(SharedApp app) : Open311ApiTests(app), IClassFixture<SharedApp>;

    public sealed class OnPostgreSql(PostgreSqlSharedApp app) : Open311ApiTests(app), IClassFixture<PostgreSqlSharedApp>;

    public sealed class SharedApp : Open311App;

    public sealed class PostgreSqlSharedApp() : Open311App(provider: TestProvider.PostgreSql);

    [Fact]
    public async Task Discovery_points_clients_at_the_v2_endpoint_in_json()
    {
        using var client = HttpLogin.AnonymousClient(app);

        var json = await JsonAsync(await client.GetAsync($"{Root}/discovery.json"));

        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/json", endpoint.GetProperty("formats")[0].GetString());
    }

    [Fact]
    public async Task Services_list_the_active_catalogue_and_a_definition_has_the_standards_attribute_shape()
    {
        using var client = HttpLogin.AnonymousClient(app);

        var services = await JsonAsync(await client.GetAsync($"{Root}/services.json"));
        var nib = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "NIB-OSS");
        Assert.Equal("Pendampingan NIB dan perizinan OSS", nib.GetProperty("service_name").GetString());
        Assert.True(nib.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", nib.GetProperty("type").GetString());
        Assert.Equal("Bidang Usaha Mikro", nib.GetProperty("group").GetString());

        var definition = await JsonAsync(await client.GetAsync($"{Root}/services/nib-oss.json"));
        Assert.Equal("NIB-OSS", definition.GetProperty("service_code").GetString());
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        Assert.Equal(["NAMA_USAHA", "NIB", "KABKOTA", "SKALA_USAHA"], attributes.Select(a => a.GetProperty("code").GetString()));
        foreach (var attribute in attributes)
        {
            foreach (var field in new[] { "variable", "code", "datatype", "required", "datatype_description", "order", "description", "values" })
            {
                Assert.True(attribute.TryGetProperty(field, out _), $"{attribute.GetProperty("code")} lacks {field}");
            }
        }

        var region = attributes[2];
        Assert.Equal("singlevaluelist", region.GetProperty("datatype").GetString());
        Assert.True(region.GetProperty("required").GetBoolean());
        var regions = region.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!, v => v.GetProperty("name").GetString());
        Assert.Equal(11, regions.Count);
        Assert.Equal("Kota Jambi", regions["15.71"]);
        Assert.Equal(["mikro", "kecil", "menengah"], attributes[3].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));

        var missing = await ErrorsAsync(await client.GetAsync($"{Root}/services/TIDAK-ADA.json"), 404);
        Assert.Contains("Tidak ada layanan aktif", missing[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filing_without_a_key_or_with_an_unknown_or_revoked_key_is_refused_with_403_and_saves_nothing()
    {
        using var client = HttpLogin.AnonymousClient(app);
        var revoked = await app.CreateKeyAsync("Aplikasi lama");
        await using (var db = await app.DbAsync())
        {
            var prefix = ApiKeySecrets.PrefixOf(revoked);
            await db.Set<ApiKey>().Where(k => k.Prefix == prefix).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAtUtc, DateTime.UtcNow.Date));
        }

        var before = await TicketCountAsync();
        var noKey = ValidFields("");
        noKey.Remove("api_key");

        Assert.Contains("api_key wajib diisi", (await ErrorsAsync(await PostFormAsync(client, noKey), 403))[0], StringComparison.Ordinal);
        Assert.Contains("tidak dikenal", (await ErrorsAsync(await PostFormAsync(client, ValidFields("kop_abcdefghij_bukan-kunci-yang-benar")), 403))[0], StringComparison.Ordinal);
        Assert.Contains("sudah dicabut", (await ErrorsAsync(await PostFormAsync(client, ValidFields(revoked)), 403))[0], StringComparison.Ordinal);
        // A right prefix with a wrong secret is no key at all.
        Assert.Contains("tidak dikenal", (await ErrorsAsync(await PostFormAsync(client, ValidFields(revoked[..^3] + "xyz")), 403))[0], StringComparison.Ordinal);
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task Bad_fields_get_400_with_one_error_per_field_in_the_standard_shape_and_save_nothing()
    {
        using var client = HttpLogin.AnonymousClient(app);
        var key = await app.CreateKeyAsync("Uji validasi");
        var before = await TicketCountAsync();
        var fields = ValidFields(key);
        fields["service_code"] = "TIDAK-ADA";
        fields["email"] = "bukan-email";
        fields["description"] = "Pendek";
        fields["attribute[KABKOTA]"] = "99.99";
        fields["attribute[NIB]"] = "12345";
        fields["attribute[SKALA_USAHA]"] = "raksasa";

        var errors = await ErrorsAsync(await PostFormAsync(client, fields), 400);

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("service_code: Tidak ada layanan aktif", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("email: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("description: Uraian terlalu singkat", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[KABKOTA]: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("attribute[NIB]: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "attribute[SKALA_USAHA]: nilai harus salah satu dari: mikro, kecil, menengah.");

        using var broken = new StringContent("{\"api_key\": ", Encoding.UTF8, "application/json");
        Assert.Contains("objek JSON", (await ErrorsAsync(await client.PostAsync($"{Root}/requests.json", broken), 400))[0], StringComparison.Ordinal);
        using var text = new StringContent("api_key=" + key, Encoding.UTF8, "text/plain");
        await ErrorsAsync(await client.PostAsync($"{Root}/requests.json", text), 400);
        Assert.Equal(before, await TicketCountAsync());
    }

    [Fact]
    public async Task A_filed_request_is_a_ticket_on_channel_api_in_the_owners_queue_with_the_intakes_created_event()
    {
        using var client = HttpLogin.AnonymousClient(app);
        var key = await app.CreateKeyAsync("Portal Provinsi Jambi");

        using var response = await PostFormAsync(client, ValidFields(key));
        var created = (await JsonAsync(response))[0];
        var id = created.GetProperty("service_request_id").GetString()!;
        var token = created.GetProperty("token").GetString()!;
        Assert.Matches("^UMKM-2026-\\d{6}$", id);
        Assert.Contains("Bidang Usaha Mikro", created.GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("account_id").ValueKind);

        // JSON works as well as the standard's form encoding, with attributes as an object.
        using var json = new StringContent(JsonSerializer.Serialize(new
        {
            api_key = key,
            service_code = "HALAL",
            first_name = "Budi",
            phone = "0812 3456 7890",
            description = "Mohon fasilitasi sertifikasi halal untuk produk kue kering.",
            account_id = "warga-881",
            attribute = new Dictionary<string, string> { ["KABKOTA"] = "15.01", ["SKALA_USAHA"] = "kecil" },
        }), Encoding.UTF8, "application/json");
        var second = (await JsonAsync(await client.PostAsync($"{Root}/requests.json", json)))[0];
        Assert.Equal("warga-881", second.GetProperty("account_id").GetString());

        await using (var db = await app.DbAsync())
        {
            var ticket = await db.Set<Ticket>().Include(t => t.Division).Include(t => t.Region).SingleAsync(t => t.Code == id);
            Assert.Equal(TicketChannel.Api, ticket.Channel);
            Assert.Equal("UMK", ticket.Division!.Code);
            Assert.Equal(("Siti Rahmawati", "9120012345678", SmeSize.Mikro, "Jambi"), (ticket.ApplicantName, ticket.Nib, ticket.Size, ticket.Region!.Name));
            Assert.Equal("+6281277665544", ticket.Phone);
            Assert.NotNull(ticket.ResolutionDueAtUtc);
            var created1 = await db.Set<TicketEvent>().SingleAsync(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.Created);
            Assert.Equal("API · Portal Provinsi Jambi", created1.ByName);
            Assert.Equal(TicketStatus.Baru, created1.ToStatus);
            var audit = await db.Set<KopUkm.Dashboard.Data.Auditing.AuditEntry>().Where(a => a.EntityType == nameof(Ticket) && a.EntityKey == ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync();
            Assert.Contains(audit, a => a.ActorJob == "Open311Api");
            var keyRow = await db.Set<ApiKey>().SingleAsync(k => k.Name == "Portal Provinsi Jambi");
            Assert.NotNull(keyRow.LastUsedAtUtc);
        }

        // The head of the owner division sees it in the division's queue filtered to channel API, and on its page.
        Assert.Contains(id, (await DivisionQueueAsync("kabid.umk@kopukm.demo", TicketChannel.Api)).Select(r => r.Code));
        using var staff = await HttpLogin.SignedInClientAsync(app, "kabid.umk@kopukm.demo", DemoUsers.Password);
        var detail = await staff.GetStringAsync($"/layanan/{await TicketIdAsync(id)}");
        Assert.Contains(id, detail, StringComparison.Ordinal);
        Assert.Contains("API (sistem lain)", detail, StringComparison.Ordinal);

        var byToken = (await JsonAsync(await client.GetAsync($"{Root}/tokens/{token}.json")))[0];
        Assert.Equal(id, byToken.GetProperty("service_request_id").GetString());
        await ErrorsAsync(await client.GetAsync($"{Root}/tokens/00000000000000000000000000000000.json"), 404);
    }

    [Fact]
    public async Task Reads_show_status_division_service_region_and_times_with_offset_but_nothing_personal()
    {
        using var client = HttpLogin.AnonymousClient(app);
        var key = await app.CreateKeyAsync("Aplikasi seluler");
        var id = await FileAsync(client, key);

        var single = await client.GetAsync($"{Root}/requests/{id}.json");
        var singleText = await single.Content.ReadAsStringAsync();
        var request = (await JsonAsync(single))[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Diterima, menunggu petugas.", request.GetProperty("status_notes").GetString());
        Assert.Equal("Bidang Usaha Mikro", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(("NIB-OSS", "Pendampingan NIB dan perizinan OSS", "Kota Jambi"),
            (request.GetProperty("service_code").GetString(), request.GetProperty("service_name").GetString(), request.GetProperty("address").GetString()));
        foreach (var field in new[] { "requested_datetime", "updated_datetime", "expected_datetime" })
        {
            var value = request.GetProperty(field).GetString()!;
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", value);
        }

        Assert.StartsWith("2026-11-23T09:", request.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);
        var list = await (await client.GetAsync($"{Root}/requests.json?service_request_id={id}")).Content.ReadAsStringAsync();
        var byToken = await client.GetStringAsync($"{Root}/requests.json");
        foreach (var text in new[] { singleText, list, byToken })
        {
            foreach (var personal in new[] { "Siti", "Rahmawati", "siti.rahmawati", "contoh.id", "7766", "9120012345678", "Keripik", "pendampingan pengurusan", "description", "email", "phone" })
            {
                Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        await ErrorsAsync(await client.GetAsync($"{Root}/requests/UMKM-2026-999999.json"), 404);
    }

    [Fact]
    public async Task The_list_filters_by_id_service_status_and_dates_and_refuses_a_range_over_90_days()
    {
        using var client = HttpLogin.AnonymousClient(app);
        var key = await app.CreateKeyAsync("Uji daftar");
        var nib = await FileAsync(client, key, "NIB-OSS");
        var halal = await FileAsync(client, key, "HALAL");
        var old = await FileAsync(client, key, "HALAL");
        var closed = await FileAsync(client, key, "NIB-OSS");
        await using (var db = await app.DbAsync())
        {
            // Filed 120 days ago, and one resolved: as if the office had worked on them since.
            await db.Set<Ticket>().Where(t => t.Code == old).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAtUtc, t => t.CreatedAtUtc.AddDays(-120)));
            await db.Set<Ticket>().Where(t => t.Code == closed).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Selesai));
        }

        async Task<List<string>> IdsAsync(string query)
        {
            using var response = await client.GetAsync($"{Root}/requests.json?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await JsonAsync(response)).EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
        }

        var recent = await IdsAsync("");
        Assert.Contains(nib, recent);
        Assert.DoesNotContain(old, recent);
        Assert.Equal([halal], await IdsAsync($"service_request_id={nib.Replace("UMKM", "X", StringComparison.Ordinal)},{halal}"));
        Assert.Equal([old], await IdsAsync($"service_request_id={old}"));
        Assert.DoesNotContain(nib, await IdsAsync("service_code=HALAL"));
        Assert.Contains(halal, await IdsAsync("service_code=HALAL,KONS-USAHA"));
        Assert.Equal([closed], (await IdsAsync("status=closed")).Where(i => i == closed || i == nib).ToList());
        Assert.DoesNotContain(closed, await IdsAsync("status=open"));
        var closedJson = (await JsonAsync(await client.GetAsync($"{Root}/requests/{closed}.json")))[0];
        Assert.Equal("closed", closedJson.GetProperty("status").GetString());

        Assert.Equal([old], await IdsAsync("start_date=2026-07-01&end_date=2026-09-01T00:00:00%2B07:00"));
        Assert.Contains(nib, await IdsAsync("start_date=2026-11-23&end_date=2026-11-24"));
        Assert.Empty(await IdsAsync("start_date=2026-11-24T00:00:00Z&end_date=2026-11-25T00:00:00Z"));

        Assert.Contains("paling lama 90 hari", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?start_date=2026-01-01&end_date=2026-11-01"), 400))[0], StringComparison.Ordinal);
        Assert.StartsWith("status: ", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?status=pending"), 400))[0], StringComparison.Ordinal);
        Assert.StartsWith("start_date: ", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?start_date=kemarin"), 400))[0], StringComparison.Ordinal);
        Assert.StartsWith("end_date: ", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?start_date=2026-11-20&end_date=2026-11-01"), 400))[0], StringComparison.Ordinal);
        Assert.StartsWith("page_size: ", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?page_size=1001"), 400))[0], StringComparison.Ordinal);
        Assert.StartsWith("page: ", (await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?page=0"), 400))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_mapped_open311_route()
    {
        using var client = HttpLogin.AnonymousClient(app);

        using var response = await client.GetAsync($"{Root}/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var routes = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/open311/v2/", StringComparison.Ordinal) && !e.RoutePattern.RawText.EndsWith("openapi.json", StringComparison.Ordinal))
            .Select(e => (Path: e.RoutePattern.RawText!, Method: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant()))
            .ToList();
        Assert.Equal(7, routes.Count);
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
        }

        Assert.Equal(routes.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("Open311Request").GetProperty("properties").TryGetProperty("service_request_id", out _));
        var body = paths.GetProperty("/open311/v2/requests.json").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        foreach (var type in new[] { "application/x-www-form-urlencoded", "application/json" })
        {
            var fields = body.GetProperty(type).GetProperty("schema").GetProperty("properties");
            Assert.True(fields.TryGetProperty("api_key", out _) && fields.TryGetProperty("attribute[KABKOTA]", out _), type);
        }
    }

    /// <summary>The division queue as the staff member's page asks for it, in a scope signed in as them.</summary>
    private async Task<IReadOnlyList<TicketRow>> DivisionQueueAsync(string email, TicketChannel channel)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        var principal = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var page = await services.GetRequiredService<TicketQueues>().ListAsync(new PageRequest(0, 100), new TicketFilter(TicketQueueKind.Division, user.DivisionId, Channel: channel));
        return page.Items;
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = await app.DbAsync();
        return await db.Set<Ticket>().CountAsync();
    }

    private async Task<int> TicketIdAsync(string code)
    {
        await using var db = await app.DbAsync();
        return await db.Set<Ticket>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync();
    }
}
