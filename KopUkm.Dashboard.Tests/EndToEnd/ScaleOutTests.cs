using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KopUkm.Dashboard.Features.Account.Demo;
using KopUkm.Dashboard.Features.Tickets.Demo;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace KopUkm.Dashboard.Tests.EndToEnd;

/// <summary>
/// The proof of scale-out (issue 11, docs/scale-out.md): two app processes on one PostgreSQL database behind Debian's
/// nginx, driven by Chromium through the balancer only (<see cref="ScaleOutCluster"/>). A browser is pinned to
/// instance A or B by the <c>kopukm_pin</c> cookie; every answer names the instance that served it
/// (<c>X-KopUkm-Upstream</c>), so each step checks where it really ran.
/// <para>
/// Clocks: unlike every other test, the two app processes run on the machine's real clock: Hangfire schedules the
/// recurring jobs across processes by it, and the processes cannot share the tests' pinned clock. So nothing here
/// depends on the date: the demo's 5,000 tickets are a count fixed by the generator, the dashboard is checked for
/// "one more open ticket than before" (no SLA, working-day or holiday figures), and the soak reads the slots Hangfire
/// itself recorded (the database's clock, which is the machine's) rather than expecting particular times.
/// </para>
/// The steps share one cluster and run in order (<see cref="StepOrderer"/>): the soak's window starts when both
/// instances are up, so the earlier steps' time counts towards it, and the last step stops instance A for good.
/// The soak's length is <c>SCALEOUT_SOAK_MINUTES</c> (default 10). Run on its own with
/// <c>dotnet test --filter Category=ScaleOut</c> (scripts/test.sh runs it beside the main passes).
/// </summary>
[Trait("Category", "ScaleOut")]
[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]
public sealed class ScaleOutTests(ScaleOutCluster cluster, ITestOutputHelper output) : IClassFixture<ScaleOutCluster>
{
    /// <summary>The jobs a PostgreSQL instance without SMTP server or live-check site schedules.</summary>
    private static readonly string[] ScheduledOnPostgreSql =
    [
        RecurringJobs.SupervisionFlags, RecurringJobs.CaseDueDates, RecurringJobs.TicketSla,
        RecurringJobs.ContentReviewAge, RecurringJobs.ContentDigest, RecurringJobs.NotificationEmailDigest,
    ];

    private static readonly string[] Unfinished = ["Enqueued", "Processing", "Scheduled", "Awaiting"];

    [Fact]
    [Step(1)]
    public void Two_instances_started_together_on_an_empty_database_migrate_and_seed_the_demo_once()
    {
        output.WriteLine($"Both instances answered /health {cluster.StartDuration.TotalSeconds:0.0} s after starting together.");
        Assert.Equal(DemoTicketGenerator.TicketCount, cluster.Seeded.Tickets);
        Assert.All(DemoUsers.All, user => Assert.Equal(1, cluster.Seeded.DemoAccountsPerEmail.GetValueOrDefault(user.Email.ToUpperInvariant())));
        Assert.True(cluster.Seeded.Migrations > 0);
        Assert.Equal(cluster.Seeded.DistinctMigrations, cluster.Seeded.Migrations);
    }

    [Fact]
    [Step(2)]
    public async Task A_login_made_through_the_balancer_on_instance_a_works_on_instance_b()
    {
        var page = await cluster.NewPageAsync(pin: "a");
        await page.LoginAsync("kabid.klm@kopukm.demo", DemoUsers.Password);
        var onA = await page.GotoAsync("/");
        Assert.Equal(cluster.A.Endpoint, await ServedByAsync(onA));
        await page.WaitForInteractiveAsync();
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == ScaleOutCluster.StickyCookie);

        // The same browser, the same cookies, now pinned to B: B reads A's cookie (shared data protection keys).
        await cluster.PinAsync(page.Context, "b");
        var onB = await page.ReloadAsync();
        Assert.Equal(cluster.B.Endpoint, await ServedByAsync(onB));
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("card-open-tickets").Locator("[data-value]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    [Step(3)]
    public async Task A_division_heads_dashboard_on_instance_b_counts_a_ticket_recorded_on_instance_a_within_two_seconds()
    {
        var head = await cluster.NewPageAsync(pin: "b");
        await head.LoginAsync("kabid.umk@kopukm.demo", DemoUsers.Password);
        Assert.Equal(cluster.B.Endpoint, await ServedByAsync(await head.GotoAsync("/")));
        await head.WaitForInteractiveAsync();
        var openCard = head.GetByTestId("card-open-tickets").Locator("[data-value]");
        await Assertions.Expect(openCard).ToBeVisibleAsync();
        await head.EvaluateAsync("() => { window.stillTheSameDocument = 42; }");
        var before = int.Parse((await openCard.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

        var officer = await cluster.NewPageAsync(pin: "a");
        await officer.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        Assert.Equal(cluster.A.Endpoint, await ServedByAsync(await officer.GotoAsync("/layanan")));
        await TicketIntakeSteps.RecordNibRequestAsync(officer, "Rahmat Hidayat", "Menanyakan cara mengurus NIB untuk usaha kopi bubuk.", "0813 6655 4433");

        // The ticket is saved on A (its page is shown): B's open dashboard must count it within 2 s, same document.
        var waited = Stopwatch.StartNew();
        await Assertions.Expect(openCard).ToHaveAttributeAsync("data-value", (before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 2_000 });
        output.WriteLine($"The dashboard on B showed the ticket saved on A {waited.ElapsedMilliseconds} ms after A showed the saved ticket.");
        Assert.Equal(42, await head.EvaluateAsync<int>("() => window.stillTheSameDocument"));
        await officer.Context.CloseAsync();
        await head.Context.CloseAsync();
    }

    [Fact]
    [Step(4)]
    public async Task Over_the_soak_window_each_recurring_job_ran_once_per_slot_without_overlapping_and_both_servers_are_listed()
    {
        var admin = await cluster.NewPageAsync(pin: "b");
        await admin.LoginAsync("admin@kopukm.demo", DemoUsers.Password);
        var servers = await admin.GotoAsync("/jobs/servers");
        Assert.Equal(cluster.B.Endpoint, await ServedByAsync(servers));
        var listed = await admin.Locator("table").InnerTextAsync();
        // Each instance names its server "kopukm-<its random instance id>" (Common/InstanceIdentity): two instances, two
        // servers, and no other.
        var serverNames = System.Text.RegularExpressions.Regex.Matches(listed, "kopukm-[0-9a-f]{12}", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Select(match => match.Value.ToLowerInvariant()).Distinct().ToList();
        output.WriteLine($"Job servers listed: {string.Join(", ", serverNames)}; table text: {listed}");
        Assert.Equal(2, serverNames.Count);

        await admin.Context.CloseAsync();

        var minutes = int.TryParse(Environment.GetEnvironmentVariable("SCALEOUT_SOAK_MINUTES"), CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 10;
        var ready = cluster.ReadyAtUtc;
        var windowStart = new DateTime(ready.Ticks - (ready.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(1);
        var windowEnd = windowStart.AddMinutes(minutes);
        output.WriteLine($"Window {windowStart:HH:mm} – {windowEnd:HH:mm} UTC ({minutes} slots); both instances ready at {ready:HH:mm:ss}.");

        // Wait until the window is over and its last slot's jobs have finished (bounded: a stuck job fails the test).
        IReadOnlyList<TriggeredJob> jobs;
        while (true)
        {
            var now = await cluster.DatabaseNowUtcAsync();
            jobs = await ReadTriggeredJobsAsync();
            var inWindow = jobs.Where(j => j.Slot >= windowStart && j.Slot < windowEnd).ToList();
            if (now >= windowEnd.AddSeconds(5) && inWindow.All(j => !Unfinished.Contains(j.State)))
            {
                break;
            }

            if (now > windowEnd.AddMinutes(3))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(5)); // waiting for the real clock's minutes: the soak is time itself
        }

        await using (var db = await cluster.OpenDatabaseAsync())
        await using (var command = new NpgsqlCommand("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs'", db))
        {
            var registered = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                registered.Add(reader.GetString(0));
            }

            Assert.Equal(ScheduledOnPostgreSql.Order(), registered.Order());
        }

        var problems = new List<string>();
        var window = jobs.Where(j => j.Slot >= windowStart && j.Slot < windowEnd).ToList();
        foreach (var id in ScheduledOnPostgreSql)
        {
            for (var slot = windowStart; slot < windowEnd; slot = slot.AddMinutes(1))
            {
                var ran = window.Where(j => j.RecurringJobId == id && j.Slot == slot).ToList();
                if (ran.Count != 1)
                {
                    problems.Add($"{id} at {slot:HH:mm}: {ran.Count} jobs ({string.Join(", ", ran.Select(j => j.Id))})");
                }
            }

            var runs = window.Where(j => j.RecurringJobId == id).OrderBy(j => j.StartedUtc).ToList();
            problems.AddRange(runs.Where(j => j.State != "Succeeded").Select(j => $"{id} job {j.Id} at {j.Slot:HH:mm} ended {j.State}"));
            for (var i = 1; i < runs.Count; i++)
            {
                if (runs[i].StartedUtc < runs[i - 1].FinishedUtc)
                {
                    problems.Add($"{id}: job {runs[i].Id} started {runs[i].StartedUtc:HH:mm:ss.fff} before job {runs[i - 1].Id} finished {runs[i - 1].FinishedUtc:HH:mm:ss.fff}");
                }
            }
        }

        var byServer = window.GroupBy(j => j.Server).Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{window.Count} jobs in the window, run by {string.Join("; ", byServer)}.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(ScheduledOnPostgreSql.Length * minutes, window.Count);
    }

    [Fact]
    [Step(5)]
    public async Task Killing_instance_a_leaves_b_serving_a_user_of_a_reloads_still_signed_in_and_finds_what_was_saved()
    {
        var officer = await cluster.NewPageAsync(pin: "a");
        await officer.LoginAsync("petugas.umk@kopukm.demo", DemoUsers.Password);
        Assert.Equal(cluster.A.Endpoint, await ServedByAsync(await officer.GotoAsync("/layanan")));
        var ticket = await TicketIntakeSteps.RecordNibRequestAsync(
            officer, "Nurhayati Siregar", "Menanyakan NIB untuk usaha keripik pisang sebelum server A berhenti.", "0812 7788 9900", "Keripik Nur");
        await Assertions.Expect(officer.GetByText("Nurhayati Siregar").First).ToBeVisibleAsync();

        var documents = new List<IResponse>();
        officer.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == officer.MainFrame)
            {
                lock (documents)
                {
                    documents.Add(response);
                }
            }
        };
        cluster.A.Kill();
        Assert.True(cluster.A.HasExited);

        // The browser is still pinned to A: nginx finds A refusing connections and serves the reload from B. Blazor
        // may reload the page itself first, when its reconnect finds the circuit gone: then that load is the one.
        try
        {
            await officer.ReloadAsync();
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
        {
            await officer.WaitForLoadStateAsync(LoadState.Load);
        }

        IResponse reload;
        lock (documents)
        {
            reload = documents.Last(r => r.Status == 200);
        }

        var servedBy = await ServedByAsync(reload);
        Assert.Equal(cluster.B.Endpoint, servedBy.Split(',', StringSplitOptions.TrimEntries).Last());
        Assert.EndsWith(ticket, new Uri(officer.Url).AbsolutePath, StringComparison.Ordinal);
        await officer.WaitForInteractiveAsync();
        await Assertions.Expect(officer.GetByText("Nurhayati Siregar").First).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByText("Menanyakan NIB untuk usaha keripik pisang", new() { Exact = false }).First).ToBeVisibleAsync();
        await officer.Context.CloseAsync();
    }

    private static async Task<string> ServedByAsync(IResponse? response)
    {
        Assert.NotNull(response);
        return await response.HeaderValueAsync(ScaleOutCluster.UpstreamHeader) ?? "";
    }

    /// <summary>Every job Hangfire triggered from a recurring schedule: its slot, final state, start, end and server.</summary>
    private async Task<IReadOnlyList<TriggeredJob>> ReadTriggeredJobsAsync()
    {
        const string sql = """
            SELECT j.id, j.statename, j.createdat, r.value, t.value,
                   (SELECT MIN(s.createdat) FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing'),
                   (SELECT MAX(s.createdat) FROM hangfire.state s WHERE s.jobid = j.id AND s.name IN ('Succeeded', 'Failed', 'Deleted')),
                   (SELECT s.data FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing' ORDER BY s.createdat LIMIT 1)
            FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
            LEFT JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            """;
        await using var db = await cluster.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var jobs = new List<TriggeredJob>();
        while (await reader.ReadAsync())
        {
            var created = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
            // Hangfire records when the schedule fired ("Time", Unix seconds; its scheduler looks every 15 s), so its
            // minute is the slot; without it, the minute the job was created in.
            var slot = !reader.IsDBNull(4) && long.TryParse(reader.GetString(4).Trim('"'), CultureInfo.InvariantCulture, out var unix)
                ? DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime
                : created;
            slot = new DateTime(slot.Ticks - (slot.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            var processing = reader.IsDBNull(7) ? null : reader.GetString(7);
            var server = processing is null ? "" : JsonDocument.Parse(processing).RootElement.TryGetProperty("ServerId", out var s) ? s.GetString() ?? "" : "";
            jobs.Add(new TriggeredJob(
                reader.GetInt64(0),
                reader.GetString(3).Trim('"'),
                slot,
                reader.IsDBNull(1) ? "" : reader.GetString(1),
                reader.IsDBNull(5) ? DateTime.MaxValue : DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                reader.IsDBNull(6) ? DateTime.MaxValue : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                server));
        }

        return jobs;
    }

    private sealed record TriggeredJob(long Id, string RecurringJobId, DateTime Slot, string State, DateTime StartedUtc, DateTime FinishedUtc, string Server);
}
