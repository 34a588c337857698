using KopUkm.Dashboard;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KopUkm.Benchmarks.Harness;

/// <summary>
/// The app's real services (not its web server) on a data folder, acting as a settable user, as a circuit would
/// use them. One instance per data set; services come from one long-lived scope.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AsyncServiceScope scope;

    private BenchApp(WebApplication app, BenchmarkUser user)
    {
        this.app = app;
        User = user;
        scope = app.Services.CreateAsyncScope();
    }

    public BenchmarkUser User { get; }

    public IServiceProvider Services => scope.ServiceProvider;

    public string DatabaseFile => app.Services.GetRequiredService<DataPaths>().DatabaseFile;

    public static BenchApp Create(string folder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var user = new BenchmarkUser();
        var app = AppHost.Build([], builder =>
        {
            builder.Configuration["Data:Folder"] = folder;
            builder.Configuration["Jobs:Storage"] = "InMemory";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (Environment.GetEnvironmentVariable("KOPUKM_BENCH_SQL") == "1")
            {
                // For finding out what to index: every statement EF sends, with its time.
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            }
        },
        services => services.AddSingleton<ICurrentUserAccessor>(user));
        return new BenchApp(app, user);
    }

    /// <summary>Migrates and seeds the reference data (regions, divisions, services, calendar) and the roles.</summary>
    public async Task PrepareAsync()
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await StartupTasks.SeedReferenceDataAsync(Services);
        await Services.GetRequiredService<DemoDataSeeder>().EnsureRolesAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Who the measured services act as: office-wide leadership unless a measurement says otherwise.</summary>
internal sealed class BenchmarkUser : ICurrentUserAccessor
{
    public static UserContext Pimpinan { get; } = new("bench", "Pimpinan (tolok ukur)", new HashSet<string> { AppRoles.Pimpinan }, 1, "SEK");

    public UserContext Current { get; set; } = Pimpinan;

    public Task<UserContext> GetAsync() => Task.FromResult(Current);
}
