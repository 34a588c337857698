using System.Net;
using System.Reflection;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>
/// Every route of the compiled app — each routable component's <c>@page</c> and each mapped endpoint — is in the
/// table below with who may open it, and every role's demo user (and an anonymous visitor) gets exactly that on the
/// server: opened, sent to the login page (anonymous) or to "access denied" (signed in without the right). A new page
/// or endpoint without a row fails <see cref="Every_route_of_the_app_is_in_the_access_table_and_every_row_is_a_route"/>.
/// One app for the class; each user signs in once.
/// </summary>
public sealed class RouteAccessMatrixTests(RouteAccessMatrixTests.SignedInUsers users) : IClassFixture<RouteAccessMatrixTests.SignedInUsers>
{
    public const string Anonymous = "Anonim";

    private static readonly string[] SignedIn = [.. AppRoles.All];
    private static readonly string[] Everyone = [Anonymous, .. AppRoles.All];
    private static readonly string[] Administrators = [AppRoles.Administrator];
    private static readonly string[] ItBoard = [AppRoles.Administrator, AppRoles.Pimpinan, AppRoles.KepalaBidang, AppRoles.StafTI];
    private static readonly string[] Leadership = [AppRoles.Administrator, AppRoles.Pimpinan];

    /// <summary>
    /// Route pattern (as the app declares it) → a path to request and who may open it. Public pages are rows with
    /// <see cref="Everyone"/> (e.g. <c>["/publik"] = Open("/publik", Everyone)</c>); framework plumbing and routes
    /// checked by their own tests say so with <see cref="NotInMatrix"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, RouteAccess> Table = new Dictionary<string, RouteAccess>(StringComparer.Ordinal)
    {
        // Signed-in work
        ["/"] = Open("/", SignedIn),
        ["/ringkasan"] = Open("/ringkasan", SignedIn),
        ["/layanan"] = Open("/layanan", SignedIn),
        ["/layanan/baru"] = Open("/layanan/baru", SignedIn),
        ["/layanan/{Id:int}"] = Open("/layanan/1", SignedIn),
        ["/layanan/{Id:int}/survei"] = Open("/layanan/1/survei", SignedIn),
        ["/koperasi"] = Open("/koperasi", SignedIn),
        ["/koperasi/baru"] = Open("/koperasi/baru", SignedIn),
        ["/koperasi/{Id:int}"] = Open("/koperasi/1", SignedIn),
        ["/koperasi/{Id:int}/ubah"] = Open("/koperasi/1/ubah", SignedIn),
        ["/koperasi/impor"] = Open("/koperasi/impor", SignedIn),
        ["/koperasi/kasus/{Id:int}"] = Open("/koperasi/kasus/1", SignedIn),
        ["/koperasi/ekspor"] = Open("/koperasi/ekspor", SignedIn),
        ["/koperasi/impor/templat"] = Open("/koperasi/impor/templat", SignedIn),
        ["/konten"] = Open("/konten", SignedIn),
        ["/konten/baru"] = Open("/konten/baru", SignedIn),
        ["/konten/{Id:long}"] = Open("/konten/1", SignedIn),
        ["/konten/{Id:long}/ubah"] = Open("/konten/1/ubah", SignedIn),
        ["/konten/impor"] = Open("/konten/impor", SignedIn),
        ["/konten/impor/templat"] = Open("/konten/impor/templat", SignedIn),
        ["/notifikasi"] = Open("/notifikasi", SignedIn),
        ["/profil"] = Open("/profil", SignedIn),
        ["/panduan"] = Open("/panduan", SignedIn),
        ["/Account/Manage/ChangePassword"] = Open("/Account/Manage/ChangePassword", SignedIn),

        // IT task board: not for officers
        ["/tugas-ti"] = Open("/tugas-ti", ItBoard),
        ["/tugas-ti/{Id:int}"] = Open("/tugas-ti/1", ItBoard),

        // Leadership
        ["/metrik"] = Open("/metrik", Leadership),
        ["/metrik/cetak"] = Open("/metrik/cetak", Leadership),
        ["/metrik/ekspor"] = Open("/metrik/ekspor", Leadership),
        ["/metrik/ikm/ekspor"] = Open("/metrik/ikm/ekspor", Leadership),

        // Administration
        ["/administrasi"] = Open("/administrasi", Administrators),
        ["/administrasi/pengguna"] = Open("/administrasi/pengguna", Administrators),
        ["/administrasi/bidang"] = Open("/administrasi/bidang", Administrators),
        ["/administrasi/wilayah"] = Open("/administrasi/wilayah", Administrators),
        ["/administrasi/kalender"] = Open("/administrasi/kalender", Administrators),
        ["/administrasi/layanan"] = Open("/administrasi/layanan", Administrators),
        ["/administrasi/tiket"] = Open("/administrasi/tiket", Administrators),
        ["/administrasi/target-koperasi"] = Open("/administrasi/target-koperasi", Administrators),
        ["/administrasi/konten"] = Open("/administrasi/konten", Administrators),
        ["/administrasi/riwayat"] = Open("/administrasi/riwayat", Administrators),
        ["/administrasi/kotak-keluar"] = Open("/administrasi/kotak-keluar", Administrators),
        ["/administrasi/kunci-api"] = Open("/administrasi/kunci-api", Administrators),
        ["/jobs/{**path}"] = Open("/jobs", Administrators),

        // Open to everyone: the public pages (no account)
        ["/publik"] = Open("/publik", Everyone),
        ["/standar-pelayanan"] = Open("/standar-pelayanan", Everyone),
        ["/standar-pelayanan/{Kode}"] = Open("/standar-pelayanan/KONS-USAHA", Everyone),
        ["/standar-pelayanan/{Kode}/cetak"] = Open("/standar-pelayanan/KONS-USAHA/cetak", Everyone),
        ["/ajukan"] = Open("/ajukan", Everyone),
        ["/ajukan/{Kode}"] = Open("/ajukan/KONS-USAHA", Everyone),
        ["/lacak"] = Open("/lacak", Everyone),
        ["/lacak/tautan"] = Open("/lacak/tautan", Everyone),
        ["/survei"] = Open("/survei", Everyone),
        ["/kinerja"] = Open("/kinerja", Everyone),

        // The Open311 API: reads open to every client (anonymised), filing needs an API key in the request
        ["/open311/v2/discovery.json"] = Open("/open311/v2/discovery.json", Everyone),
        ["/open311/v2/services.json"] = Open("/open311/v2/services.json", Everyone),
        ["/open311/v2/services/{code}.json"] = Open("/open311/v2/services/KONS-USAHA.json", Everyone),
        ["/open311/v2/requests.json"] = Open("/open311/v2/requests.json", Everyone),
        ["/open311/v2/requests/{id}.json"] = NotInMatrix("one request, anonymised, 404 in the standard's shape when unknown: Features/Open311/Open311ApiTests"),
        ["/open311/v2/tokens/{token}.json"] = NotInMatrix("a filing's token, 404 in the standard's shape when unknown: Features/Open311/Open311ApiTests"),
        ["/open311/{documentName}/openapi.json"] = Open("/open311/v2/openapi.json", Everyone),

        // Open to everyone
        ["/Account/Login"] = Open("/Account/Login", Everyone),
        ["/Account/AccessDenied"] = Open("/Account/AccessDenied", Everyone),
        ["/Error"] = Open("/Error", Everyone),
        ["/not-found"] = Open("/not-found", Everyone),
        ["/health"] = Open("/health", Everyone),
        ["/culture/set"] = Open("/culture/set?culture=id-ID&redirectUri=/", Everyone),

        // Not requested here
        ["/lacak/lampiran/{id:int}"] = NotInMatrix("an applicant's file, only with that request's tracking cookie: Web/PublicRequestsHttpTests"),
        ["/layanan/{ticketId:int}/lampiran/{id:int}"] = NotInMatrix("an applicant's file, for staff who may see the ticket: Features/Tickets/Portal/TicketPortalTests"),
        ["/Account/Logout"] = NotInMatrix("POST with an antiforgery token: Web/SessionTests"),
        ["/_blazor"] = NotInMatrix("the interactive circuit's hub; each component authorizes itself"),
        ["/_blazor/negotiate"] = NotInMatrix("the interactive circuit's hub"),
        ["/_blazor/disconnect/"] = NotInMatrix("the interactive circuit's hub"),
        ["/_blazor/initializers/"] = NotInMatrix("the interactive circuit's hub"),
        ["/_framework/opaque-redirect"] = NotInMatrix("Blazor's redirect helper for enhanced navigation"),
        ["{**path:file}"] = NotInMatrix("the static-file fallback (wwwroot)"),
    };

    public static TheoryData<string> Users => [Anonymous, .. AppRoles.All];

    private static RouteAccess Open(string path, string[] allowed) => new(path, allowed, null);

    private static RouteAccess NotInMatrix(string why) => new(null, [], why);

    [Fact]
    public void Every_route_of_the_app_is_in_the_access_table_and_every_row_is_a_route()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template));
        var endpoints = users.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Files the build fingerprints and serves from wwwroot (CSS, scripts): public by nature.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText!);
        var routes = pages.Concat(endpoints).ToHashSet(StringComparer.Ordinal);

        var missing = routes.Where(r => !Table.ContainsKey(r)).Order().ToList();
        var stale = Table.Keys.Where(r => !routes.Contains(r)).Order().ToList();

        Assert.True(missing.Count == 0, $"Routes with no row in the access table (add who may open them): {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Rows for routes the app no longer has: {string.Join(", ", stale)}");
        Assert.Contains("/layanan/{Id:int}", pages);
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Each_user_opens_exactly_the_routes_of_their_role_and_is_refused_the_others_on_the_server(string role)
    {
        var client = await users.ClientAsync(role);
        var wrong = new List<string>();
        foreach (var (pattern, access) in Table.Where(r => r.Value.Path is not null))
        {
            using var response = await client.GetAsync(access.Path);
            var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString) : "";
            var toLogin = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/Account/Login", StringComparison.Ordinal);
            var toDenied = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith("/Account/AccessDenied", StringComparison.Ordinal);
            var outcome = toLogin ? "login" : toDenied ? "denied" : (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? $"HTTP {(int)response.StatusCode}" : "opened";
            var expected = access.Allowed.Contains(role) ? "opened" : role == Anonymous ? "login" : "denied";
            if (outcome != expected)
            {
                wrong.Add($"{access.Path} ({pattern}): expected {expected}, got {outcome} ({(int)response.StatusCode} {location})");
            }
        }

        Assert.True(wrong.Count == 0, $"{role}:\n{string.Join("\n", wrong)}");
    }

    public sealed record RouteAccess(string? Path, string[] Allowed, string? NotInMatrixBecause);

    /// <summary>The app, and one signed-in client per role's demo user (an anonymous one for <see cref="Anonymous"/>).</summary>
    public sealed class SignedInUsers : IDisposable
    {
        private static readonly Dictionary<string, string> DemoEmailByRole = new()
        {
            [AppRoles.Administrator] = "admin@kopukm.demo",
            [AppRoles.Pimpinan] = "pimpinan@kopukm.demo",
            [AppRoles.KepalaBidang] = "kabid.klm@kopukm.demo",
            [AppRoles.StafTI] = "staf.ti@kopukm.demo",
            [AppRoles.Petugas] = "petugas.klm@kopukm.demo",
        };

        private readonly Dictionary<string, HttpClient> clients = [];
        private readonly SemaphoreSlim gate = new(1, 1);

        public AppFactory App { get; } = new();

        public async Task<HttpClient> ClientAsync(string role)
        {
            await gate.WaitAsync();
            try
            {
                if (!clients.TryGetValue(role, out var client))
                {
                    client = role == Anonymous ? HttpLogin.AnonymousClient(App) : await HttpLogin.SignedInClientAsync(App, DemoEmailByRole[role], DemoUsers.Password);
                    clients[role] = client;
                }

                return client;
            }
            finally
            {
                gate.Release();
            }
        }

        public void Dispose()
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            App.Dispose();
            gate.Dispose();
        }
    }
}
