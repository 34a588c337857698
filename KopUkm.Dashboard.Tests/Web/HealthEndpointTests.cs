using System.Net;
using System.Text.Json;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using KopUkm.Dashboard.Features.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace KopUkm.Dashboard.Tests.Web;

/// <summary>/health on both databases: healthy with nothing secret in it, 503 when the database is gone.</summary>
public abstract class HealthEndpointTests(TestProvider provider)
{
    public sealed class OnSqlite() : HealthEndpointTests(TestProvider.Sqlite)
    {
        // The job check on its own, without a host or a database.
        [Fact]
        public async Task Job_check_is_unhealthy_without_a_server_and_when_the_last_heartbeat_is_stale()
        {
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);
            var storage = new Hangfire.InMemory.InMemoryStorage();
            Assert.Equal(HealthStatus.Unhealthy, (await new JobServerHealthCheck(storage, TestClock.Pinned()).CheckHealthAsync(new())).Status);

            using (var connection = storage.GetConnection())
            {
                connection.AnnounceServer("server-1", new Hangfire.Server.ServerContext { Queues = ["default"], WorkerCount = 1 });
            }

            // The storage stamped the heartbeat itself; the check's clock starts ten seconds after it.
            var heartbeat = storage.GetMonitoringApi().Servers().Single().Heartbeat!.Value;
            var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc)).AddSeconds(10));
            var check = new JobServerHealthCheck(storage, clock);
            Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);
        }
    }

    public sealed class OnPostgreSql() : HealthEndpointTests(TestProvider.PostgreSql);

    [Fact]
    public async Task Reports_database_and_job_server_healthy_without_secrets()
    {
        await using var factory = AppFactory.For(provider);
        var client = HttpLogin.AnonymousClient(factory);

        var (response, body) = await WaitForJobServerAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
        Assert.DoesNotContain(factory.DataFolder, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Data Source", body, StringComparison.Ordinal);
        if (provider == TestProvider.PostgreSql)
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(factory.PostgreSqlConnection);
            Assert.DoesNotContain(connection.Database!, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Host=", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Answers_503_when_the_database_is_gone()
    {
        await using var factory = AppFactory.For(provider);
        var client = HttpLogin.AnonymousClient(factory);
        Assert.Equal(HttpStatusCode.OK, (await WaitForJobServerAsync(client)).Response.StatusCode);

        if (provider == TestProvider.PostgreSql)
        {
            // Dropped under the running app (its open connections are ended).
            await PostgreSqlCluster.DropDatabaseAsync(factory.PostgreSqlConnection);
        }
        else
        {
            var paths = factory.Services.GetRequiredService<DataPaths>();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(paths.DatabaseFile);
            File.Delete(paths.DatabaseFile + "-wal");
            File.Delete(paths.DatabaseFile + "-shm");
        }

        var response = await client.GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    /// <summary>
    /// The Hangfire server announces itself on a background thread shortly after start; until then the
    /// endpoint rightly answers 503. Poll for up to 30 s so a slow machine does not fail the healthy path.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, string Body)> WaitForJobServerAsync(HttpClient client)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK || waited.Elapsed > TimeSpan.FromSeconds(30)) return (response, body);
            await Task.Delay(250);
        }
    }
}
