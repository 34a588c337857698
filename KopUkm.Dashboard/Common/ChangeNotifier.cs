using System.Collections.Immutable;

namespace KopUkm.Dashboard.Common;

/// <summary>What changed, coarsely: open pages subscribe to the topics they show. Extend as features arrive.</summary>
public enum ChangeTopic
{
    Notifications,
    Tickets,
    Cooperatives,
    Content,
    ItTasks,

    /// <summary>The office working calendar (hours, holidays, special hours): SLA clocks and due dates follow it.</summary>
    Calendar,

    /// <summary>A long-running job's progress (scope: the job's id), e.g. the live-site check.</summary>
    JobProgress,
}

/// <param name="ScopeKey">Narrows the change, e.g. the recipient's user id for <see cref="ChangeTopic.Notifications"/>.</param>
/// <param name="FromAnotherInstance">Published by another instance sharing the database (relayed), not by this one.</param>
public sealed record ChangeEvent(ChangeTopic Topic, string? ScopeKey, DateTimeOffset OccurredAt, bool FromAnotherInstance = false);

/// <summary>
/// Carries this instance's changes to the other instances sharing the database (PostgreSQL LISTEN/NOTIFY); they hand
/// them to their own <see cref="ChangeNotifier.DeliverFromAnotherInstance"/>. None on SQLite (one instance).
/// </summary>
public interface IChangeRelay
{
    void Send(ChangeTopic topic, string? scopeKey);
}

/// <summary>
/// Publish/subscribe that tells open circuits something changed, so they refresh without polling. In process, and
/// through an <see cref="IChangeRelay"/> (PostgreSQL) to the other instances when several share the database.
/// Events carry no data: subscribers re-read through their feature service, which applies its own authorization.
/// </summary>
public sealed class ChangeNotifier(TimeProvider clock, ILogger<ChangeNotifier> logger, IChangeRelay? relay = null)
{
    private readonly Lock gate = new();
    private ImmutableDictionary<ChangeTopic, ImmutableList<Subscription>> subscriptions =
        ImmutableDictionary<ChangeTopic, ImmutableList<Subscription>>.Empty;

    /// <summary>
    /// Tells the topic's subscribers. Returns at once: each handler runs on the thread pool, so a slow or failing
    /// page never delays or breaks the save that published, and a failure is logged rather than thrown.
    /// </summary>
    public void Publish(ChangeTopic topic, string? scopeKey = null)
    {
        relay?.Send(topic, scopeKey);
        _ = Deliver(topic, scopeKey, fromAnotherInstance: false);
    }

    /// <summary>
    /// As <see cref="Publish"/>, and the returned task completes once every subscriber of this instance has handled
    /// the change: for callers that must know the change has been heard (a test, or a job that reports afterwards).
    /// </summary>
    public Task PublishAndWaitAsync(ChangeTopic topic, string? scopeKey = null)
    {
        relay?.Send(topic, scopeKey);
        return Deliver(topic, scopeKey, fromAnotherInstance: false);
    }

    /// <summary>A change another instance published: told to this instance's subscribers only, never relayed again.</summary>
    public Task DeliverFromAnotherInstance(ChangeTopic topic, string? scopeKey) => Deliver(topic, scopeKey, fromAnotherInstance: true);

    private Task Deliver(ChangeTopic topic, string? scopeKey, bool fromAnotherInstance)
    {
        if (!subscriptions.TryGetValue(topic, out var subscribers) || subscribers.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var change = new ChangeEvent(topic, scopeKey, clock.GetUtcNow(), fromAnotherInstance);
        return Task.WhenAll(subscribers.Select(subscriber => Task.Run(() => DeliverAsync(subscriber, change))));
    }

    /// <summary>Calls <paramref name="handler"/> for every change of <paramref name="topic"/> until the result is disposed.</summary>
    public IDisposable Subscribe(ChangeTopic topic, Func<ChangeEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, topic, handler);
        lock (gate)
        {
            subscriptions = subscriptions.SetItem(topic, subscriptions.GetValueOrDefault(topic, []).Add(subscription));
        }

        return subscription;
    }

    /// <summary>The least time between two refreshes of one open page, however busy the topic.</summary>
    public static readonly TimeSpan PageRefreshWindow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="refresh"/> for changes of <paramref name="topic"/> (those <paramref name="accept"/> lets
    /// through), at most once per <see cref="PageRefreshWindow"/> whatever the burst, until the result is disposed.
    /// What open pages use: a component passes <c>() =&gt; InvokeAsync(ReloadAsync)</c>.
    /// </summary>
    public IDisposable SubscribeCoalesced(ChangeTopic topic, Func<Task> refresh, ILogger? refreshLogger = null, Func<ChangeEvent, bool>? accept = null)
    {
        var coalesced = new CoalescedAction(refresh, PageRefreshWindow, clock, refreshLogger);
        var subscription = Subscribe(topic, change =>
        {
            if (accept?.Invoke(change) ?? true)
            {
                coalesced.Trigger();
            }

            return Task.CompletedTask;
        });
        return new CoalescedSubscription(subscription, coalesced);
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (gate)
        {
            if (subscriptions.TryGetValue(subscription.Topic, out var list))
            {
                subscriptions = subscriptions.SetItem(subscription.Topic, list.Remove(subscription));
            }
        }
    }

    private async Task DeliverAsync(Subscription subscriber, ChangeEvent change)
    {
        try
        {
            await subscriber.Handler(change);
        }
#pragma warning disable CA1031 // One page's failing refresh must not reach the publisher or the other subscribers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "A subscriber to {Topic} failed to handle a change.", change.Topic);
        }
    }

    private sealed class CoalescedSubscription(IDisposable subscription, CoalescedAction refresh) : IDisposable
    {
        public void Dispose()
        {
            subscription.Dispose();
            refresh.Dispose();
        }
    }

    private sealed class Subscription(ChangeNotifier owner, ChangeTopic topic, Func<ChangeEvent, Task> handler) : IDisposable
    {
        public ChangeTopic Topic { get; } = topic;

        public Func<ChangeEvent, Task> Handler { get; } = handler;

        public void Dispose() => owner.Unsubscribe(this);
    }
}
