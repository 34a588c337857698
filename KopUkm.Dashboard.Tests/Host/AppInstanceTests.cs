using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace KopUkm.Dashboard.Tests.Host;

/// <summary>Starting the web app: refusals come as one sentence and an exit code, never a stack trace.</summary>
public sealed class AppInstanceTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private WebApplication Build(Dictionary<string, string?>? settings = null) => AppHost.Build([], builder =>
    {
        builder.Configuration["Data:Folder"] = folder.Path;
        builder.Configuration["Jobs:Storage"] = "InMemory";
        builder.Configuration.AddInMemoryCollection(settings ?? []);
    });

    [Fact]
    public async Task A_second_start_on_the_same_database_is_refused_with_a_sentence()
    {
        await using var running = Build();
        using var held = AppInstance.TryAcquireDataFolder(running);
        Assert.NotNull(held);
        await using var second = Build();
        var error = new StringWriter();

        var exit = await AppInstance.RunAsync(second, error);

        Assert.Equal(AppInstance.AlreadyRunning, exit);
        Assert.StartsWith("Aplikasi lain sudah berjalan memakai basis data", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_naming_the_same_file_from_another_data_folder_meets_the_same_lock()
    {
        using var elsewhere = new TempFolder();
        var database = Path.Combine(folder.Path, "kopukm.db");
        await using var running = Build();
        using var held = AppInstance.TryAcquireDataFolder(running);
        await using var second = AppHost.Build([], builder =>
        {
            builder.Configuration["Data:Folder"] = elsewhere.Path;
            builder.Configuration["ConnectionStrings:Default"] = $"Data Source={database}";
        });

        Assert.Null(AppInstance.TryAcquireDataFolder(second));
    }

    [Theory]
    [InlineData("Backup:Schedule", "setiap malam", "Pengaturan Backup:Schedule tidak valid: \"setiap malam\" bukan jadwal cron")]
    [InlineData("Cooperatives:WorkingDivisionCodes:0", "K L M", "Pengaturan Cooperatives:WorkingDivisionCodes tidak valid: \"K L M\" bukan kode bidang")]
    [InlineData("Demo:SeedTickets", "ya", "Pengaturan Demo:SeedTickets tidak valid: \"ya\" harus true atau false.")]
    [InlineData("Database:Provider", "Oracle", "Pengaturan Database:Provider tidak valid: \"Oracle\" bukan salah satu dari: Sqlite, PostgreSQL.")]
    [InlineData("Database:Provider", "PostgreSQL", "Pengaturan ConnectionStrings:Default tidak valid: wajib diisi string koneksi Npgsql")]
    [InlineData("Proxy:KnownProxies:0", "gerbang-kantor", "Pengaturan Proxy:KnownProxies tidak valid: \"gerbang-kantor\" bukan alamat IP")]
    public async Task A_bad_setting_stops_the_start_with_a_sentence_naming_the_key_and_writes_nothing(string key, string value, string sentence)
    {
        await using var app = Build(new() { [key] = value });
        var error = new StringWriter();

        var exit = await AppInstance.RunAsync(app, error);

        Assert.Equal(AppInstance.BadSettings, exit);
        Assert.Contains(sentence, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
    }
}
