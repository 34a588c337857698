using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Data.Seeding;
using KopUkm.Dashboard.Features;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Localization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The app's real services on a real SQLite file in a temp folder, migrated and seeded with reference data,
/// with a settable current user and a fake clock. One instance per test class (or test).
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private readonly TempFolder folder = new();
    private readonly ServiceProvider provider;

    // Scopes handed out as "a circuit" live as long as these services: disposed with them, never leaked.
    private readonly List<AsyncServiceScope> scopes = [];

    // The PostgreSQL database made for these services (dropped with them); null on SQLite or on a database given in the settings.
    private string? ownDatabase;

    private TestServices(Dictionary<string, string?>? settings, bool validateScopes)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Data:Folder"] = folder.Path })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(folder.Path));
        services.AddLogging();
        services.AddAppLocalization();
        services.AddAppDatabase(config);
        services.AddAppIdentity(config);
        services.AddAppAuthorization();
        services.AddFeatureServices(config);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.RemoveAll<ICurrentUserAccessor>();
        services.AddSingleton<ICurrentUserAccessor>(User);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes });
    }

    public FakeTimeProvider Clock { get; } = TestClock.Pinned();

    public FakeCurrentUser User { get; } = new();

    public IServiceProvider Services => provider;

    public string DataFolder => folder.Path;

    /// <param name="validateScopes">
    /// Off only when a bunit test uses these services as its fallback provider, which resolves from the root.
    /// </param>
    /// <param name="provider">
    /// The database: a SQLite file in the temp folder, or a fresh database on the test run's PostgreSQL cluster
    /// (<see cref="PostgreSqlCluster"/>), already migrated and holding the reference data.
    /// </param>
    public static async Task<TestServices> CreateAsync(Dictionary<string, string?>? settings = null, bool validateScopes = true, TestProvider provider = TestProvider.Sqlite)
    {
        string? ownDatabase = null;
        if (provider == TestProvider.PostgreSql)
        {
            ownDatabase = await CreatePostgreSqlDatabaseAsync();
            settings = new Dictionary<string, string?>(settings ?? []).Concat(PostgreSqlSettings(ownDatabase)).ToDictionary();
        }

        var services = new TestServices(settings, validateScopes) { ownDatabase = ownDatabase };
        await DatabaseSetup.MigrateAsync(services.provider);
        await using var scope = services.provider.CreateAsyncScope();
        await StartupTasks.SeedReferenceDataAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().EnsureRolesAsync();
        return services;
    }

    /// <summary>
    /// A second app instance on this one's database (its PostgreSQL database, or its SQLite file), with a clock and a
    /// current user of its own: for what several instances behind a load balancer must share.
    /// </summary>
    public async Task<TestServices> AnotherInstanceAsync()
    {
        var config = provider.GetRequiredService<IConfiguration>();
        var database = DatabaseOptions.From(config);
        return await CreateAsync(database.ProviderKind == DatabaseProvider.PostgreSQL
            ? PostgreSqlSettings(database.ConnectionString!)
            : new() { ["ConnectionStrings:Default"] = $"Data Source={provider.GetRequiredService<DataPaths>().DatabaseFile}" });
    }

    /// <summary>
    /// A fresh database on the test run's PostgreSQL cluster, copied from its template (migrated, reference data and
    /// roles seeded once per run); returns its connection string.
    /// </summary>
    public static Task<string> CreatePostgreSqlDatabaseAsync() =>
        PostgreSqlCluster.CreateDatabaseAsync(async template =>
        {
            await using var prepared = await CreateAsync(PostgreSqlSettings(template));
        });

    private static Dictionary<string, string?> PostgreSqlSettings(string connection) => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["ConnectionStrings:Default"] = connection,
    };

    /// <summary>A service as a page would get it: from a scope (a circuit).</summary>
    public T Get<T>()
        where T : notnull => NewScope().GetRequiredService<T>();

    /// <summary>A service of a type known only at run time, from a scope; built there if it is registered only by an interface.</summary>
    public object Get(Type type)
    {
        var scope = NewScope();
        return scope.GetService(type) ?? ActivatorUtilities.CreateInstance(scope, type);
    }

    /// <summary>
    /// A job as Hangfire runs it: built in a scope of its own, so the name it gives itself (<c>JobActor</c>) is the
    /// actor its service's saves record.
    /// </summary>
    public T Job<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(provider.CreateScope().ServiceProvider);

    /// <summary>A context for arranging and checking data directly, acting as the current (fake) user.</summary>
    public async Task<AppDbContext> DbAsync() =>
        await NewScope().GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private IServiceProvider NewScope()
    {
        var scope = provider.CreateAsyncScope();
        lock (scopes)
        {
            scopes.Add(scope);
        }

        return scope.ServiceProvider;
    }

    /// <summary>Creates an active account with one role in a division (password "kata-sandi-panjang") and returns its id.</summary>
    public async Task<string> CreateUserAsync(string email, string fullName, string role, int divisionId)
    {
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, FullName = fullName, DivisionId = divisionId };
        var created = await users.CreateAsync(user, "kata-sandi-panjang");
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    public void ActAs(string role, int? divisionId = 1, string userId = "test-user", string? divisionCode = null) =>
        User.Current = FakeCurrentUser.As(role, divisionId, userId, divisionCode: divisionCode);

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        await provider.DisposeAsync();
        folder.Dispose();
        if (ownDatabase is not null)
        {
            await PostgreSqlCluster.DropDatabaseAsync(ownDatabase);
        }
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment, IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "KopUkm.Dashboard";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();

        public string WebRootPath { get; set; } = root;

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }
}
