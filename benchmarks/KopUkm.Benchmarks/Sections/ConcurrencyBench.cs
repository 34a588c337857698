using System.Diagnostics;
using System.Globalization;
using KopUkm.Benchmarks.Harness;
using Microsoft.Playwright;

namespace KopUkm.Benchmarks.Sections;

/// <summary>
/// Concurrent users: N real Blazor circuits (one Chromium, a browser context and tab per user, each signed in through
/// the login form) clicking through the list pages — ticket list, next pages, cooperative register, next page,
/// dashboard — with a think time between clicks, against one app instance, or two instances on the same PostgreSQL
/// database with the users split evenly between them (user i on instance i mod 2: what the balancer's sticky hashing
/// does on average; the browser talks to each instance directly, no balancer in between). An interaction is timed in
/// the page, from the click to the moment the updated list (or the dashboard) is in the DOM.
/// </summary>
internal static class ConcurrencyBench
{
    public const double TargetP95Ms = 1000;

    /// <summary>What a tab shows when a list has its rows: the list is shown (no longer hidden while loading) and has a row.</summary>
    private const string TicketRows = "[data-testid='list-content']:not([style*='none']) [data-testid='tickets-grid'] [data-testid='ticket-link']";
    private const string CooperativeRows = "[data-testid='list-content']:not([style*='none']) [data-testid='cooperatives-grid'] tbody tr td a.mud-link";

    /// <summary>
    /// One round of a user's clicks. Navigation clicks a link of the menu (the circuit's router renders the page); paging
    /// clicks the grid's "next page" button (the third of first, previous, next, last) and waits for the first row to change.
    /// </summary>
    private static readonly Step[] Round =
    [
        new("tickets", "nav", "a.mud-nav-link[href='/layanan']", $"location.pathname === '/layanan' && document.querySelector(\"{TicketRows}\") !== null", null),
        new("tickets, next page", "paging", "[data-testid='tickets-grid'] .mud-table-pagination-actions button:nth-of-type(3)", null, TicketRows),
        new("tickets, next page", "paging", "[data-testid='tickets-grid'] .mud-table-pagination-actions button:nth-of-type(3)", null, TicketRows),
        new("cooperatives", "nav", "a.mud-nav-link[href='/koperasi']", $"location.pathname === '/koperasi' && document.querySelector(\"{CooperativeRows}\") !== null", null),
        new("cooperatives, next page", "paging", "[data-testid='cooperatives-grid'] .mud-table-pagination-actions button:nth-of-type(3)", null, CooperativeRows),
        new("dashboard", "nav", "a.mud-nav-link[href='/']", "location.pathname === '/' && document.querySelector(\"[data-testid='dashboard-updated']\") !== null", null),
    ];

    public static async Task<ConcurrencyResult> RunAsync(ScaleData data, HarnessOptions options)
    {
        var levels = new List<ConcurrencyLevel>();
        var notes = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        string browserVersion = "Chromium";
        foreach (var instances in options.Instances)
        {
            if (instances > 1 && data.Provider == BenchProvider.Sqlite)
            {
                notes.Add("Two instances need PostgreSQL (a SQLite file belongs to one instance): measured with --provider postgresql or both.");
                continue;
            }

            var folders = new List<string>();
            var apps = new List<AppProcess>();
            try
            {
                for (var i = 0; i < instances; i++)
                {
                    // On PostgreSQL each instance has a data folder of its own (its lock, its logs) and shares the database.
                    var folder = data.Provider == BenchProvider.Sqlite ? data.Folder : Directory.CreateTempSubdirectory("kopukm-bench-instance-").FullName;
                    if (folder != data.Folder)
                    {
                        folders.Add(folder);
                    }

                    apps.Add(await AppProcess.StartAsync(folder, data.Environment));
                }

                await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
                });
                browserVersion = browser.Version;

                // One user clicks through every page on every instance first (untimed): compiled views, pools and the
                // dashboard's shared snapshot are warm before anyone is measured.
                var warm = await UsersAsync(browser, apps, apps.Count);
                await Task.WhenAll(warm.Select(u => RunUserAsync(u, cycles: 1, think: 0, new Random(0), null)));
                await CloseAsync(warm);

                foreach (var users in options.Users)
                {
                    Console.WriteLine($"   {users} users on {instances} instance(s)");
                    try
                    {
                        levels.Add(await RunLevelAsync(browser, apps, users, options));
                        Console.WriteLine("   " + levels[^1]);
                    }
                    catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
                    {
                        // Signing the users in did not finish (a login page not interactive within two minutes): the
                        // level is reported as failed and the larger ones are not tried on this many instances.
                        notes.Add($"{users} users on {instances} instance(s): not measured, signing the users in timed out ({ex.Message.Split('\n')[0]}).");
                        Console.WriteLine("   " + notes[^1]);
                        break;
                    }
                }
            }
            finally
            {
                foreach (var app in apps)
                {
                    app.Dispose();
                }

                foreach (var folder in folders)
                {
                    try
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                    catch (IOException)
                    {
                        // The temp folder is cleaned by the system.
                    }
                }
            }
        }

        return new ConcurrencyResult(data.ProviderName, options.ThinkSeconds, options.Cycles, browserVersion, levels, notes);
    }

    private static async Task<ConcurrencyLevel> RunLevelAsync(IBrowser browser, List<AppProcess> apps, int count, HarnessOptions options)
    {
        var users = await UsersAsync(browser, apps, count);
        try
        {
            var samples = new List<(string Kind, double Ms)>();
            var errors = new List<string>();
            var cpuBefore = apps.Select(a => { a.Process.Refresh(); return a.Process.TotalProcessorTime; }).ToList();
            var machineBefore = MachineCpu.Read();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(users.Select((u, i) => RunUserAsync(u, options.Cycles, options.ThinkSeconds, new Random(options.Seed + i), (kind, ms, error) =>
            {
                lock (samples)
                {
                    if (error is null)
                    {
                        samples.Add((kind, ms));
                    }
                    else
                    {
                        errors.Add(error);
                    }
                }
            })));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var appCores = apps.Select((a, i) => { a.Process.Refresh(); return (a.Process.TotalProcessorTime - cpuBefore[i]).TotalSeconds / elapsed.TotalSeconds; }).ToList();
            var machineBusy = MachineCpu.Read().BusySince(machineBefore);
            return new ConcurrencyLevel(apps.Count, count, new Sample([.. samples.Select(s => s.Ms)]),
                new Sample([.. samples.Where(s => s.Kind == "nav").Select(s => s.Ms)]),
                new Sample([.. samples.Where(s => s.Kind == "paging").Select(s => s.Ms)]),
                samples.Count / elapsed.TotalSeconds, appCores, machineBusy, errors, elapsed);
        }
        finally
        {
            await CloseAsync(users);
        }
    }

    /// <summary>Opens <paramref name="count"/> users, user i on instance i mod the instance count, each signed in through the login form (a few at a time).</summary>
    private static async Task<List<User>> UsersAsync(IBrowser browser, List<AppProcess> apps, int count)
    {
        var users = new User[count];
        foreach (var batch in Enumerable.Range(0, count).Chunk(4))
        {
            await Task.WhenAll(batch.Select(async i =>
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = apps[i % apps.Count].Address,
                    ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
                });
                context.SetDefaultTimeout(120_000);
                var page = await context.NewPageAsync();
                await page.GotoAsync("/Account/Login");
                await page.GetByLabel("Email").FillAsync(MemoryBench.Email);
                await page.GetByLabel("Kata sandi").FillAsync(MemoryBench.Password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
                await page.Locator("[data-interactive='true']").WaitForAsync();
                await page.Locator("[data-testid='dashboard-updated']").WaitForAsync();
                users[i] = new User(context, page);
            }));
        }

        return [.. users];
    }

    /// <summary>One user's session: a random start within one think time, then the round of clicks <paramref name="cycles"/> times, thinking between clicks.</summary>
    private static async Task RunUserAsync(User user, int cycles, double think, Random random, Action<string, double, string?>? record)
    {
        await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * think));
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            foreach (var step in Round)
            {
                try
                {
                    var ms = await user.Page.EvaluateAsync<double>(step.Script(), null);
                    record?.Invoke(step.Kind, ms, null);
                }
                catch (PlaywrightException ex)
                {
                    record?.Invoke(step.Kind, 0, $"{step.Name}: {ex.Message.Split('\n')[0]}");
                    if (record is null)
                    {
                        throw;
                    }

                    // Start the round again from the dashboard.
                    await user.Page.GotoAsync("/");
                    await user.Page.Locator("[data-testid='dashboard-updated']").WaitForAsync();
                    break;
                }

                // Think time: uniform between half and one and a half of the mean.
                await Task.Delay(TimeSpan.FromSeconds(think * (0.5 + random.NextDouble())));
            }
        }
    }

    private static async Task CloseAsync(IEnumerable<User> users)
    {
        foreach (var user in users)
        {
            await user.Context.CloseAsync();
        }
    }

    private sealed record User(IBrowserContext Context, IPage Page);

    /// <param name="Ready">For navigation: a JavaScript condition that holds once the new page shows its data.</param>
    /// <param name="FirstRow">For paging: the first row's link, whose text changes when the next page has arrived.</param>
    private sealed record Step(string Name, string Kind, string Click, string? Ready, string? FirstRow)
    {
        /// <summary>
        /// The click and the wait, timed inside the page (performance.now), so the driver's own round trips are not
        /// counted: resolves with the milliseconds from the click until the condition holds, checked on every DOM change.
        /// </summary>
        public string Script()
        {
            var first = FirstRow is null ? "null" : $"(() => {{ const e = document.querySelector(\"{FirstRow}\"); return e ? e.textContent.trim() : null; }})";
            var ready = Ready ?? "(() => { const now = first(); return now !== null && now !== before; })()";
            return $$"""
                async () => {
                    const first = {{first}};
                    const before = first ? first() : null;
                    const ready = () => {{ready}};
                    const target = document.querySelector("{{Click}}");
                    if (!target) { throw new Error("nothing to click at {{Click.Replace("\"", "'", StringComparison.Ordinal)}}"); }
                    const started = performance.now();
                    target.click();
                    return await new Promise((resolve, reject) => {
                        let timer;
                        const observer = new MutationObserver(() => {
                            if (ready()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - started); }
                        });
                        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
                        timer = setTimeout(() => { observer.disconnect(); reject(new Error("not updated within 60 s")); }, 60000);
                        if (ready()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - started); }
                    });
                }
                """;
        }
    }
}

/// <summary>Whole-machine CPU time from /proc/stat, to show how busy the machine was during a level.</summary>
internal sealed record MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return new MachineCpu(0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return new MachineCpu(total - idle, total);
    }

    /// <summary>The share of the machine's CPU time that was busy since <paramref name="earlier"/> (0–1).</summary>
    public double BusySince(MachineCpu earlier) =>
        Total == earlier.Total ? 0 : (double)(Busy - earlier.Busy) / (Total - earlier.Total);
}

/// <param name="AppCores">Per instance: CPU seconds it used per second of the level (1 = one core busy).</param>
/// <param name="MachineBusy">The whole machine's busy share over the level (app, browser, harness and anything else running).</param>
internal sealed record ConcurrencyLevel(
    int Instances, int Users, Sample All, Sample Navigation, Sample Paging, double InteractionsPerSecond,
    IReadOnlyList<double> AppCores, double MachineBusy, IReadOnlyList<string> Errors, TimeSpan Elapsed)
{
    public bool Met => All.Milliseconds.Count > 0 && All.P95 <= ConcurrencyBench.TargetP95Ms && Errors.Count == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{All} · nav p95 {Navigation.P95:0} ms · paging p95 {Paging.P95:0} ms · {InteractionsPerSecond:0.0}/s · app {string.Join("+", AppCores.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))} cores · machine {MachineBusy:P0} busy · {Errors.Count} errors");
}

internal sealed record ConcurrencyResult(string Provider, double ThinkSeconds, int Cycles, string Browser, IReadOnlyList<ConcurrencyLevel> Levels, IReadOnlyList<string> Notes)
{
    /// <summary>The most users measured on <paramref name="instances"/> instance(s) with p95 within the target, and the fewest beyond it.</summary>
    public (int? Within, int? Beyond) Capacity(int instances)
    {
        var measured = Levels.Where(l => l.Instances == instances).OrderBy(l => l.Users).ToList();
        var beyond = measured.FirstOrDefault(l => !l.Met)?.Users;
        var within = measured.Where(l => l.Met && (beyond is null || l.Users < beyond)).Select(l => (int?)l.Users).LastOrDefault();
        return (within, beyond);
    }
}
