using System.Diagnostics;
using System.Net.Http.Json;
using KopUkm.Benchmarks.Harness;
using Microsoft.Playwright;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// Managed memory per connected user: N browser sessions (Playwright driving Debian's Chromium), each signed in as
/// the office head with the dashboard and the ticket list open, against the app served over a seeded data folder.
/// Readings are taken after forced full collections: a baseline after one warm-up session came and went, with N
/// dashboards open, with N ticket lists open too, and after every session closed and its circuit was released.
/// </summary>
internal static class MemoryBench
{
    public const double TargetMiBPerCircuit = 2;
    public const string Email = "pimpinan@kopukm.demo";
    public const string Password = "Demo-KopUkm-2026";

    public static async Task<MemoryResult> RunAsync(ScaleData data, int sessions)
    {
        using var app = await AppProcess.StartAsync(data.Folder, data.Environment);
        var server = app.Process;
        {
            var address = app.Address;
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var signedIn = await SignInAsync(browser, address);

            // One session first, so that what every later session shares (compiled views, caches, the dashboard feed's
            // snapshot) is in the baseline rather than counted against the first users.
            var warmUp = await OpenAsync(browser, address, signedIn, 1);
            foreach (var (path, ready) in Pages)
            {
                await OpenPagesAsync(warmUp, path, ready);
            }

            await CloseAsync(warmUp);
            await WaitForCircuitsAsync(http, 0);
            var baseline = await ReadAsync(http);
            await DumpHeapAsync(server, "baseline");

            // Two rounds of N sessions: the first also fills the pools that buffers return to (render trees, sockets),
            // the second shows what a circuit costs on a warm server and whether anything stays after it closes.
            var rounds = new List<MemoryRound>();
            for (var round = 0; round < 2; round++)
            {
                var before = round == 0 ? baseline : rounds[^1].Closed;
                var contexts = await OpenAsync(browser, address, signedIn, sessions);
                var readings = new List<MemoryReading>();
                foreach (var (path, ready) in Pages)
                {
                    await OpenPagesAsync(contexts, path, ready);
                    readings.Add(await ReadAsync(http));
                }

                await CloseAsync(contexts);
                var released = await WaitForCircuitsAsync(http, 0);
                var closed = await ReadAsync(http);
                await DumpHeapAsync(server, $"round{round + 1}");
                rounds.Add(new MemoryRound(before, readings, closed, released));
            }

            return new MemoryResult(sessions, baseline, rounds, browser.Version, [.. Pages.Select(p => p.Path)]);
        }
    }

    /// <summary>
    /// The pages every session opens, each in its own tab (so its own circuit), with what shows it has its data.
    /// KOPUKM_BENCH_EXTRA_PAGE=/path adds a page (waited for until interactive), e.g. a near-empty one to see the layout's share.
    /// </summary>
    private static readonly (string Path, string Ready)[] Pages =
    [
        ("/", "[data-testid='dashboard-updated']"),
        ("/layanan", "[data-testid='ticket-link']"),
        .. Environment.GetEnvironmentVariable("KOPUKM_BENCH_EXTRA_PAGE") is { Length: > 0 } extra ? [(extra, "[data-interactive='true']")] : Array.Empty<(string, string)>(),
    ];

    /// <summary>Signs in once through the login form and keeps the cookie for every session.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, string address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        // A busy machine can take longer than Playwright's 30 s default to answer the first login.
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    private static async Task<List<IBrowserContext>> OpenAsync(IBrowser browser, string address, string storageState, int count)
    {
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, StorageState = storageState });
            context.SetDefaultTimeout(120_000);
            contexts.Add(context);
        }

        return contexts;
    }

    /// <summary>Opens the page in every session, a few at a time, and waits until each is interactive and shows its data.</summary>
    private static async Task OpenPagesAsync(List<IBrowserContext> contexts, string path, string ready)
    {
        foreach (var batch in contexts.Chunk(4))
        {
            await Task.WhenAll(batch.Select(async context =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator("[data-interactive='true']").WaitForAsync();
                await page.Locator(ready).First.WaitForAsync();
            }));
        }
    }

    private static async Task CloseAsync(List<IBrowserContext> contexts)
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Waits until the app has released its circuits down to <paramref name="open"/>; returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForCircuitsAsync(HttpClient http, int open)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(2))
        {
            var reading = await http.GetFromJsonAsync<MemoryReading>(ServedApp.MemoryPath, MemoryReading.Json);
            if (reading!.OpenCircuits <= open)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Circuits were not released within two minutes.");
    }

    /// <summary>
    /// With KOPUKM_BENCH_GCDUMP set to a folder (and the dotnet-gcdump tool installed), writes the app's heap there,
    /// for finding what a circuit keeps alive: compare the reports of "baseline" and "after".
    /// </summary>
    private static async Task DumpHeapAsync(Process server, string name)
    {
        if (Environment.GetEnvironmentVariable("KOPUKM_BENCH_GCDUMP") is not { Length: > 0 } folder)
        {
            return;
        }

        using var dump = Process.Start("dotnet-gcdump", ["collect", "-p", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", Path.Combine(folder, name + ".gcdump")]);
        await dump.WaitForExitAsync();
    }

    private static async Task<MemoryReading> ReadAsync(HttpClient http)
    {
        // Let the last renders and acknowledgements settle before collecting.
        await Task.Delay(1000);
        return (await http.GetFromJsonAsync<MemoryReading>(ServedApp.MemoryPath + "?gc=1", MemoryReading.Json))!;
    }
}

/// <summary>One round: the reading before it, one after each page was opened in every session, and after all closed.</summary>
internal sealed record MemoryRound(MemoryReading Before, IReadOnlyList<MemoryReading> Opened, MemoryReading Closed, TimeSpan ReleaseTime)
{
    private const double MiB = 1024 * 1024;

    /// <summary>What one session's tab of the page at <paramref name="index"/> added, in MiB.</summary>
    public double PageMiB(int index, int sessions) =>
        (Opened[index].ManagedBytes - (index == 0 ? Before : Opened[index - 1]).ManagedBytes) / MiB / sessions;

    public double PerCircuitMiB => (Opened[^1].ManagedBytes - Before.ManagedBytes) / MiB / (Opened[^1].OpenCircuits - Before.OpenCircuits);

    /// <summary>What stayed after every session of the round closed, against before it.</summary>
    public double GrowthMiB => (Closed.ManagedBytes - Before.ManagedBytes) / MiB;
}

internal sealed record MemoryResult(int Sessions, MemoryReading Baseline, IReadOnlyList<MemoryRound> Rounds, string Browser, IReadOnlyList<string> Pages)
{
    /// <summary>The warm round: what the target is judged on.</summary>
    public MemoryRound Warm => Rounds[^1];

    public bool Met => Warm.PerCircuitMiB <= MemoryBench.TargetMiBPerCircuit && Warm.GrowthMiB <= MemoryBench.TargetMiBPerCircuit;
}
