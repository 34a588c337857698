using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// A real SMTP server in the test process (SmtpServer), listening on a free loopback port, that keeps every message it
/// accepts as a parsed <see cref="MimeMessage"/>. Await arrivals with <see cref="WaitForAsync"/> rather than sleeping.
/// Plain SMTP without TLS or authentication: point the app at it with <see cref="Settings"/>.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly Lock gate = new();
    private readonly List<(Func<IReadOnlyList<MimeMessage>, bool> Condition, TaskCompletionSource Done)> waiters = [];
    private readonly CancellationTokenSource stop;
    private SmtpServer.SmtpServer? server;
    private Task? running;

    private SmtpTestServer(int port, CancellationTokenSource stop) => (Port, this.stop) = (port, stop);

    public int Port { get; }

    /// <summary>Every message accepted so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. received];

    /// <summary>While set, the server answers DATA with this reply instead of accepting (e.g. 451 or 550).</summary>
    public SmtpResponse? Refuse { get; set; }

    /// <summary>The app's <c>Email</c> settings for this server (sender, no TLS, no login), plus the public base URL links need.</summary>
    public Dictionary<string, string?> Settings(string from = "layanan@dinaskopukm.example.go.id") => SettingsFor(Port, from);

    /// <summary>Settings for a server on <paramref name="port"/>, e.g. one not started yet (a server that is down).</summary>
    public static Dictionary<string, string?> SettingsFor(int port, string from = "layanan@dinaskopukm.example.go.id") => new()
    {
        ["Email:From"] = from,
        ["Email:FromName"] = "Dinas Koperasi dan UKM Provinsi Jambi",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseTls"] = "None",
        ["Email:Smtp:Timeout"] = "00:00:10",
        ["App:PublicBaseUrl"] = "https://layanan.example.go.id",
    };

    /// <summary>A loopback port nothing listens on right now (for "the server is down", or to start on later).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Starts a server on <paramref name="port"/> (0: any free port) and returns once it accepts connections.</summary>
    public static async Task<SmtpTestServer> StartAsync(int port = 0)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();

        SmtpTestServer? self = null;
        var store = new Store(m => self!.Accept(m), () => self!.Refuse);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(store);
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var first = await Task.WhenAny(listening.Task, running, Task.Delay(TimeSpan.FromSeconds(10)));
        if (first != listening.Task)
        {
            await stop.CancelAsync();
            throw new InvalidOperationException($"The test SMTP server did not start on port {port}.", running.Exception);
        }

        self = new SmtpTestServer(listening.Task.Result, stop) { server = server, running = running };
        return self;
    }

    /// <summary>Completes when at least <paramref name="count"/> messages have arrived (fails the test after a generous timeout).</summary>
    public Task WaitForAsync(int count = 1, TimeSpan? timeout = null) => WaitUntilAsync(m => m.Count >= count, timeout);

    public async Task WaitUntilAsync(Func<IReadOnlyList<MimeMessage>, bool> condition, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (condition(Messages))
            {
                return;
            }

            waiters.Add((condition, done));
        }

        var limit = timeout ?? TimeSpan.FromSeconds(30);
        if (await Task.WhenAny(done.Task, Task.Delay(limit)) != done.Task)
        {
            throw new TimeoutException($"The test SMTP server did not receive the expected messages within {limit.TotalSeconds:0} s; it has {received.Count}.");
        }
    }

    private void Accept(MimeMessage message)
    {
        lock (gate)
        {
            received.Enqueue(message);
            var snapshot = Messages;
            foreach (var waiter in waiters.Where(w => w.Condition(snapshot)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        server?.Shutdown();
        await stop.CancelAsync();
        if (running is not null)
        {
            try
            {
                await running.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
                // Stopping is what we asked for.
            }
            catch (TimeoutException)
            {
                // A client still connected; the process ends it.
            }
        }

        stop.Dispose();
    }

    private sealed class Store(Action<MimeMessage> accept, Func<SmtpResponse?> refuse) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (refuse() is { } reply)
            {
                return reply;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            accept(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
