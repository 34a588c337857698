using System.Diagnostics;
using KopUkm.Benchmarks.Sections;

namespace KopUkm.Benchmarks.Harness;

/// <summary>
/// The app served on real Kestrel in a process of its own (<c>--serve-app FOLDER</c>, see <see cref="ServedApp"/>), on
/// a data set's database: its own data folder for SQLite, or a folder of its own plus the shared PostgreSQL database.
/// Stopped by closing its standard input.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private AppProcess(Process process, string address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }

    public string Address { get; }

    public static async Task<AppProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(AppProcess).Assembly.Location, "--serve-app", dataFolder },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app process did not start.");
        try
        {
            return new AppProcess(process, await ReadAddressAsync(process));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadAddressAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                // Keep draining the app's output so it never blocks on a full pipe.
                _ = Task.Run(async () =>
                {
                    while (await server.StandardOutput.ReadLineAsync() is not null)
                    {
                    }
                });
                return line["LISTENING ".Length..].Trim();
            }
        }

        throw new InvalidOperationException("The app process ended before it listened.");
    }

    public void Dispose()
    {
        Process.StandardInput.Close();
        if (!Process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
