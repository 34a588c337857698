using System.Globalization;
using KopUkm.Dashboard.Features.Organization;
using KopUkm.Dashboard.Features.ServiceCatalog;
using KopUkm.Dashboard.Features.Tickets;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using static KopUkm.Dashboard.Tests.Features.Open311.Open311Calls;

namespace KopUkm.Dashboard.Tests.Features.Open311;

/// <summary>The API's limits, each on an app of its own: calls per key per minute, and rows per page.</summary>
public sealed class Open311LimitsTests
{
    private const string Root = Open311App.Root;

    [Fact]
    public async Task Calls_over_a_keys_limit_get_429_in_the_error_shape_while_another_key_goes_on()
    {
        using var app = new Open311App(perKey: 3);
        using var client = HttpLogin.AnonymousClient(app);
        var busy = await app.CreateKeyAsync("Klien sibuk");
        var other = await app.CreateKeyAsync("Klien lain");
        app.Clock.AdvanceToNextMinute();

        await FileAsync(client, busy);
        for (var i = 0; i < 2; i++)
        {
            using var read = await client.GetAsync($"{Root}/services.json?api_key={busy}");
            Assert.Equal(200, (int)read.StatusCode);
        }

        using var refused = await PostFormAsync(client, ValidFields(busy));
        var errors = await ErrorsAsync(refused, 429);
        Assert.Contains("Terlalu banyak permintaan", errors[0], StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture) >= 1);
        await ErrorsAsync(await client.GetAsync($"{Root}/requests.json?api_key={busy}"), 429);

        await FileAsync(client, other);
        await using var db = await app.DbAsync();
        Assert.Equal(2, await db.Set<Ticket>().CountAsync(t => t.Channel == TicketChannel.Api));
    }

    [Fact]
    public async Task A_list_answers_at_most_1000_rows_a_page_and_page_and_page_size_reach_the_rest()
    {
        using var app = new Open311App();
        using var client = HttpLogin.AnonymousClient(app);
        await using (var db = await app.DbAsync())
        {
            var service = await db.Set<ServiceType>().FirstAsync(s => s.Code == "KONS-USAHA");
            var region = await db.Set<Region>().FirstAsync();
            var start = TestClock.Start.UtcDateTime.AddDays(-30);
            db.AddRange(Enumerable.Range(1, 1005).Select(i => new Ticket
            {
                Code = string.Create(CultureInfo.InvariantCulture, $"UMKM-2026-{i:D6}"),
                ApplicantName = "Pemohon",
                Description = "Permohonan konsultasi usaha.",
                ServiceTypeId = service.Id,
                DivisionId = service.OwnerDivisionId,
                RegionId = region.Id,
                Channel = TicketChannel.DatangLangsung,
                CreatedAtUtc = start.AddMinutes(i),
            }));
            await db.SaveChangesAsync();
        }

        using var first = await client.GetAsync($"{Root}/requests.json");
        var rows = await JsonAsync(first);
        Assert.Equal(1000, rows.GetArrayLength());
        Assert.Equal("1005", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("UMKM-2026-001005", rows[0].GetProperty("service_request_id").GetString());

        var second = await JsonAsync(await client.GetAsync($"{Root}/requests.json?page=2"));
        Assert.Equal(["UMKM-2026-000005", "UMKM-2026-000004", "UMKM-2026-000003", "UMKM-2026-000002", "UMKM-2026-000001"],
            second.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
        var small = await JsonAsync(await client.GetAsync($"{Root}/requests.json?page=3&page_size=10"));
        Assert.Equal("UMKM-2026-000985", small[0].GetProperty("service_request_id").GetString());
        Assert.Equal(10, small.GetArrayLength());
    }
}
