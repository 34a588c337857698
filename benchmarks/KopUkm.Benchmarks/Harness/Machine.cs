using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace KopUkm.Benchmarks.Harness;

/// <summary>What the numbers were measured on.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryKb = ReadFirst("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = long.TryParse(memoryKb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
            : "?";
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        var sqlite = command.ExecuteScalar();
        return string.Join(" · ",
            $"{cpu}, {Environment.ProcessorCount} logical cores",
            $"{memory} RAM",
            RuntimeInformation.OSDescription,
            $"{RuntimeInformation.FrameworkDescription} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)",
            $"SQLite {sqlite}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages, to show whether something else was running.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
