using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace KopUkm.Dashboard.Features.PublicPortal.Requests;

/// <summary>
/// Counts wrong PINs per tracking code and per client address in a sliding window on the app's clock. A code is
/// counted whether or not it exists, so being locked out says nothing about the code. Kept in memory: the app runs as
/// one process, and a restart forgiving a few guesses is harmless next to an 8-digit PIN.
/// </summary>
public sealed class WrongPinLimiter(IOptions<PublicRequestOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>Whether another attempt is allowed now for this code and address.</summary>
    public bool IsAllowed(string code, string address) =>
        Count(CodeKey(code)) < options.Value.WrongPinsPerCode && Count(AddressKey(address)) < options.Value.WrongPinsPerAddress;

    public void RecordFailure(string code, string address)
    {
        Add(CodeKey(code));
        Add(AddressKey(address));
    }

    private static string CodeKey(string code) => "code:" + code.Trim().ToUpperInvariant();

    private static string AddressKey(string address) => "ip:" + address;

    private int Count(string key)
    {
        if (!failures.TryGetValue(key, out var queue))
        {
            return 0;
        }

        lock (queue)
        {
            Prune(queue);
            return queue.Count;
        }
    }

    private void Add(string key)
    {
        var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            Prune(queue);
            queue.Enqueue(clock.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> queue)
    {
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(options.Value.WrongPinWindowMinutes);
        while (queue.Count > 0 && queue.Peek() <= since)
        {
            queue.Dequeue();
        }
    }
}
