using System.Net;
using System.Text.Json;
using Hangfire;
using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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
        public async Task Job_check_is_unhealthy_without_its_own_server_and_when_its_last_heartbeat_is_stale()
        {
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(ProcessWideHangfireLog.Instance);
            var storage = new Hangfire.InMemory.InMemoryStorage();
            var instance = new InstanceIdentity();
            Assert.Equal(HealthStatus.Unhealthy, (await new JobServerHealthCheck(storage, instance, TestClock.Pinned()).CheckHealthAsync(new())).Status);

            // Another instance's server in the shared storage says nothing about this one.
            using (var connection = storage.GetConnection())
            {
                connection.AnnounceServer($"{new InstanceIdentity().JobServerName}:41:{Guid.NewGuid()}", new Hangfire.Server.ServerContext { Queues = ["default"], WorkerCount = 1 });
            }

            var othersBeat = storage.GetMonitoringApi().Servers().Single().Heartbeat!.Value;
            var atOthersBeat = new FakeTimeProvider(new DateTimeOffset(DateTime.SpecifyKind(othersBeat, DateTimeKind.Utc)).AddSeconds(10));
            var othersOnly = await new JobServerHealthCheck(storage, instance, atOthersBeat).CheckHealthAsync(new());
            Assert.Equal((HealthStatus.Unhealthy, "This instance's job server is not running."), (othersOnly.Status, othersOnly.Description));

            using (var connection = storage.GetConnection())
            {
                connection.AnnounceServer($"{instance.JobServerName}:42:{Guid.NewGuid()}", new Hangfire.Server.ServerContext { Queues = ["default"], WorkerCount = 1 });
            }

            // The storage stamped the heartbeat itself; the check's clock starts ten seconds after it.
            var heartbeat = storage.GetMonitoringApi().Servers().Single(s => instance.IsOwnJobServer(s.Name)).Heartbeat!.Value;
            var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc)).AddSeconds(10));
            var check = new JobServerHealthCheck(storage, instance, clock);
            Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new())).Status);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new())).Status);
        }
    }

    public sealed class OnPostgreSql() : HealthEndpointTests(TestProvider.PostgreSql)
    {
        /// <summary>
        /// Two app hosts on one PostgreSQL database sharing the job storage: B without a job server of its own answers 503
        /// while A's server beats in the same storage, and 200 once its own server (named as B names it) runs.
        /// </summary>
        [Fact]
        public async Task On_a_shared_postgresql_storage_each_instance_reports_only_its_own_job_server()
        {
            var connection = await TestServices.CreatePostgreSqlDatabaseAsync();

            await using var a = new PostgreSqlHost(connection, withJobServer: true);
            Assert.Equal(HttpStatusCode.OK, (await WaitForHealthAsync(HttpLogin.AnonymousClient(a), HttpStatusCode.OK)).Response.StatusCode);
            await using var b = new PostgreSqlHost(connection, withJobServer: false);
            var clientOfB = HttpLogin.AnonymousClient(b);

            var (withoutOwn, body) = await WaitForHealthAsync(clientOfB, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, withoutOwn.StatusCode);
            using (var json = JsonDocument.Parse(body))
            {
                var jobs = json.RootElement.GetProperty("checks").GetProperty("jobs");
                Assert.Equal(("Unhealthy", "This instance's job server is not running."), (jobs.GetProperty("status").GetString(), jobs.GetProperty("description").GetString()));
                Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            }

            // A's server is in the storage B reads, beating.
            var storage = b.Services.GetRequiredService<JobStorage>();
            var identityOfA = a.Services.GetRequiredService<InstanceIdentity>();
            Assert.Contains(storage.GetMonitoringApi().Servers(), s => identityOfA.IsOwnJobServer(s.Name));
            Assert.DoesNotContain(connection, body, StringComparison.Ordinal);
            Assert.DoesNotContain(identityOfA.JobServerName, body, StringComparison.Ordinal);

            using (new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = b.Services.GetRequiredService<InstanceIdentity>().JobServerName, WorkerCount = 1 }, storage))
            {
                var (withOwn, _) = await WaitForHealthAsync(clientOfB, HttpStatusCode.OK);
                Assert.Equal(HttpStatusCode.OK, withOwn.StatusCode);
            }

            // Its server stopped (and left the storage): 503 again, while A's still beats and A answers 200.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await WaitForHealthAsync(clientOfB, HttpStatusCode.ServiceUnavailable)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await HttpLogin.AnonymousClient(a).GetAsync("/health")).StatusCode);
        }
    }

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

    /// <summary>The app on a PostgreSQL database with its jobs there too; optionally without its own job server (the hosted Hangfire server removed).</summary>
    private sealed class PostgreSqlHost(string connection, bool withJobServer) : AppFactory
    {
        protected override Dictionary<string, string?> Settings { get; } = new()
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Default"] = connection,
            ["Jobs:Storage"] = "PostgreSQL",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (!withJobServer)
            {
                builder.ConfigureTestServices(services =>
                {
                    foreach (var hangfireServer in services.Where(d => d.ServiceType == typeof(IHostedService)
                        && (d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType)?.Assembly == typeof(BackgroundJobServerHostedService).Assembly).ToList())
                    {
                        services.Remove(hangfireServer);
                    }
                });
            }
        }
    }

    /// <summary>
    /// The Hangfire server announces itself on a background thread shortly after start; until then the
    /// endpoint rightly answers 503. Poll for up to 30 s so a slow machine does not fail the healthy path.
    /// </summary>
    private static Task<(HttpResponseMessage Response, string Body)> WaitForJobServerAsync(HttpClient client) =>
        WaitForHealthAsync(client, HttpStatusCode.OK);

    /// <summary>Asks /health until it answers <paramref name="expected"/> (a job server's start or stop is seen in the storage a moment later), for up to 30 s.</summary>
    private static async Task<(HttpResponseMessage Response, string Body)> WaitForHealthAsync(HttpClient client, HttpStatusCode expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync("/health");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected || waited.Elapsed > TimeSpan.FromSeconds(30)) return (response, body);
            await Task.Delay(250);
        }
    }
}
