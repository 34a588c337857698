using System.Globalization;
using KopUkm.Dashboard.Common;
using Npgsql;

namespace KopUkm.Dashboard.Data.PostgreSql;

/// <summary>
/// <see cref="ChangeNotifier"/> across instances on one PostgreSQL database: each change is sent with
/// <c>pg_notify('kopukm_changes', …)</c>, and one listening connection per instance (<c>LISTEN kopukm_changes</c>)
/// hands the other instances' changes to its notifier; its own are recognised by the instance id in the payload and
/// ignored (they were delivered in process already). A lost listening connection is reopened after a short pause;
/// changes sent meanwhile are missed, as a page that reloads shows them anyway.
/// </summary>
public sealed class PostgreSqlChangeRelay(IServiceProvider services, IConfiguration configuration, InstanceIdentity instance, ILogger<PostgreSqlChangeRelay> logger)
    : BackgroundService, IChangeRelay
{
    public const string Channel = "kopukm_changes";

    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(2);

    private readonly string connectionString = PostgreSqlDatabase.ConnectionString(configuration.GetConnectionString("Default") ?? "");
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This process's id in payloads: unique per start (<see cref="InstanceIdentity"/>).</summary>
    public string InstanceId => instance.Id;

    /// <summary>Completes once the first LISTEN is in place (tests and start-up wait for it).</summary>
    public Task Listening => listening.Task;

    public void Send(ChangeTopic topic, string? scopeKey) => _ = SendAsync(topic, scopeKey);

    private async Task SendAsync(ChangeTopic topic, string? scopeKey)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", $"{InstanceId}|{(int)topic}|{scopeKey}");
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Other instances miss this one change; this instance's own pages were told in process.
            logger.LogWarning(ex, "Could not relay a {Topic} change to the other instances.", topic);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notifier = services.GetRequiredService<ChangeNotifier>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(notifier, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                logger.LogWarning(ex, "The change listener lost its connection; reconnecting.");
                await Task.Delay(ReconnectPause, stoppingToken);
            }
        }
    }

    private void Receive(ChangeNotifier notifier, string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == InstanceId
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var topic) || !Enum.IsDefined((ChangeTopic)topic))
        {
            return;
        }

        _ = notifier.DeliverFromAnotherInstance((ChangeTopic)topic, parts[2].Length == 0 ? null : parts[2]);
    }
}
