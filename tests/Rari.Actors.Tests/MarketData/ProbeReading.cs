using Akka.Actor;
using Akka.TestKit;
using Rari.Actors.MarketData;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Tests.MarketData;

/// <summary>Reading what the market-data stream told the probe standing in for the symbols' shard region.</summary>
internal static class ProbeReading
{
    /// <summary>Generous: two shared cores run the simulator, the stream and the specs.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Receives messages until <paramref name="done"/> holds for all received so far; fails with what arrived when it never does.</summary>
    public static async Task<List<object>> ReceiveUntilAsync(this TestProbe probe, Func<List<object>, bool> done, TimeSpan? timeout = null)
    {
        var received = new List<object>();
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!done(received))
        {
            var left = deadline - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? await probe.ReceiveOneAsync(left) : null;
            if (message is null)
            {
                Assert.Fail($"Gave up waiting; received {received.Count} message(s): {Describe(received)}");
            }

            received.Add(message!);
        }

        return received;
    }

    /// <summary>Like <see cref="ReceiveUntilAsync"/>, but null when <paramref name="done"/> does not hold within <paramref name="timeout"/> (for polling).</summary>
    public static async Task<List<object>?> TryReceiveUntilAsync(this TestProbe probe, Func<List<object>, bool> done, TimeSpan timeout)
    {
        var received = new List<object>();
        var deadline = DateTime.UtcNow + timeout;
        while (!done(received))
        {
            var left = deadline - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? await probe.ReceiveOneAsync(left) : null;
            if (message is null)
            {
                return null;
            }

            received.Add(message);
        }

        return received;
    }

    /// <summary>The open times of the closed klines told to <paramref name="symbol"/>, in order (alone or several in one message).</summary>
    public static List<long> KlineOpens(this IEnumerable<object> messages, Symbol symbol) =>
        [.. messages.Klines().Where(k => k.Symbol == symbol).Select(k => k.Kline.OpenTimeMs)];

    /// <summary>Every closed kline told, in order, whether it came alone or with others of its symbol.</summary>
    public static IEnumerable<KlineClosed> Klines(this IEnumerable<object> messages) =>
        messages.SelectMany(m => m switch
        {
            KlineClosed k => [k],
            KlinesClosed ks => ks.Klines,
            _ => Array.Empty<KlineClosed>(),
        });

    /// <summary>Asks the stream for its status.</summary>
    public static Task<MarketDataStatus> StatusAsync(this IActorRef stream) => stream.Ask<MarketDataStatus>(GetMarketDataStatus.Instance, Patience);

    private static string Describe(List<object> received) =>
        string.Join(", ", received.TakeLast(20).Select(m => m switch
        {
            KlineClosed k => $"KlineClosed({k.Symbol} {k.Kline.OpenTimeMs})",
            KlinesClosed ks => $"KlinesClosed({ks.Symbol} {string.Join(" ", ks.Klines.Select(k => k.Kline.OpenTimeMs))})",
            _ => m.GetType().Name + (m is IWithSymbol s ? $"({s.Symbol})" : string.Empty),
        }));
}
