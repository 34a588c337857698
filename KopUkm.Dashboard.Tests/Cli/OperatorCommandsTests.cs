using KopUkm.Dashboard.Cli;
using KopUkm.Dashboard.Data;
using KopUkm.Dashboard.Features.Account;
using KopUkm.Dashboard.Features.Backups;
using KopUkm.Dashboard.Features.Security;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KopUkm.Dashboard.Tests.Cli;

public sealed class OperatorCommandsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        await using var app = AppHost.Build([], builder =>
        {
            builder.Configuration["Data:Folder"] = folder.Path;
            builder.Configuration["Jobs:Storage"] = "InMemory";
        });
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await OperatorCommands.RunAsync(app, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_creates_the_database_with_reference_data()
    {
        var (exit, output, _) = await RunAsync("migrate");

        Assert.Equal(0, exit);
        Assert.Contains("sudah mutakhir", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "kopukm.db")));
    }

    [Fact]
    public async Task Seed_demo_adds_the_accounts_and_the_demo_register_once()
    {
        var first = await RunAsync("seed-demo");
        var second = await RunAsync("seed-demo");

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        Assert.Contains("6 akun demo baru", first.Out, StringComparison.Ordinal);
        Assert.Contains("3909 koperasi demo dan 200 kasus", first.Out, StringComparison.Ordinal);
        Assert.Contains("0 akun demo baru", second.Out, StringComparison.Ordinal);
        Assert.Contains("koperasi demo tidak ditambahkan", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in()
    {
        var (exit, output, _) = await RunAsync("create-admin", "--email", "kepala.ti@jambiprov.go.id", "--password", "sandi-operator-2026", "--name", "Kepala TI");

        Assert.Equal(0, exit);
        Assert.Contains("kepala.ti@jambiprov.go.id", output, StringComparison.Ordinal);
        await using var app = AppHost.Build([], b => b.Configuration["Data:Folder"] = folder.Path);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("kepala.ti@jambiprov.go.id");
        Assert.NotNull(user);
        Assert.True(await users.IsInRoleAsync(user, AppRoles.Administrator));
        Assert.True(await users.CheckPasswordAsync(user, "sandi-operator-2026"));
    }

    [Fact]
    public async Task Create_admin_with_a_short_password_fails_with_a_clear_sentence_and_exit_code()
    {
        var (exit, _, error) = await RunAsync("create-admin", "--email", "x@jambiprov.go.id", "--password", "pendek");

        Assert.Equal(1, exit);
        Assert.Contains("Kata sandi minimal 12 karakter", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_without_arguments_explains_its_usage()
    {
        var (exit, _, error) = await RunAsync("create-admin");

        Assert.Equal(2, exit);
        Assert.Contains("Cara pakai", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_then_restore_round_trips_and_restore_refuses_under_a_running_app()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var backupFile = Path.Combine(folder.Path, "cadangan.db");

        var backup = await RunAsync("backup", backupFile);
        Assert.Equal(0, backup.Exit);
        Assert.Equal("ok", await SqliteBackupService.IntegrityCheckAsync(backupFile));

        await using (var running = AppHost.Build([], b => b.Configuration["Data:Folder"] = folder.Path))
        using (AppInstance.AcquireDataFolder(running))
        {
            var refused = await RunAsync("restore", backupFile);
            Assert.Equal(1, refused.Exit);
            Assert.Contains("Hentikan aplikasi", refused.Err, StringComparison.Ordinal);
        }

        var restored = await RunAsync("restore", backupFile);
        Assert.Equal(0, restored.Exit);
        Assert.Contains("dipulihkan", restored.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_of_a_missing_file_fails_with_a_clear_sentence()
    {
        var (exit, _, error) = await RunAsync("restore", Path.Combine(folder.Path, "tidak-ada.db"));

        Assert.Equal(1, exit);
        Assert.Contains("tidak ditemukan", error, StringComparison.Ordinal);
    }
}
