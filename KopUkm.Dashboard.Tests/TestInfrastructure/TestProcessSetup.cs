using System.Runtime.CompilerServices;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// One process runs every test class in parallel and, inside it, the browser tests' Kestrel server. bunit's waits
/// (WaitForAssertion, WaitForElement) block their thread while they poll; with many running at once on two cores the
/// thread pool starts new threads only about once a second, and the server's requests and circuit events queue behind
/// them, so a browser waiting on the server stalls for seconds. Starting with enough threads keeps the server
/// answering as it would in production, where nothing blocks pool threads.
/// </summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
