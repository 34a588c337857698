using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// Keeps the browser tests' server's latest warnings and errors in memory, so a failing browser step can say what the
/// server saw (the test runner does not show the app's console).
/// </summary>
public sealed class RecentServerLog : ILoggerProvider
{
    private const int Keep = 40;
    private readonly ConcurrentQueue<string> entries = new();

    public IEnumerable<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > Keep && entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(RecentServerLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
