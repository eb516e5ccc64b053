using Rari.Actors.Execution;
using Rari.Actors.Serialization;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// Samples of everything the serializer carries, by manifest, from real runs: every strategy event and periodic
/// snapshot of <see cref="RecordedStrategyRuns"/>, the order events the strategies received plus the life cycle the
/// gateway would journal for each order they placed, the risk monitor's events and states of <see cref="RecordedRiskRun"/>,
/// the exchange gateway's journal and snapshots and the market-data stream's order books of <see cref="RecordedVenueRun"/>,
/// and <see cref="ProtocolMessageSamples"/>.
/// </summary>
/// <remarks>
/// Three decisions the recorded data never calls for are derived from real ones: a <see cref="GridOrderSkipped"/> from
/// each placed grid order, an <see cref="ExposureCloseEnded"/> from each hybrid close order, and a
/// <see cref="PositionVanished"/> from each volatility stop-loss (as if the venue had refused it for want of a position).
/// A <see cref="GatewaySnapshot"/> with dropped orders and watermarks is derived from the last recorded one.
/// </remarks>
public static class JournalSamples
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<object>>> Lazy = new(Collect);

    /// <summary>Every sample, by manifest.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<object>> ByManifest => Lazy.Value;

    /// <summary>Up to <paramref name="perManifest"/> samples of each manifest, spread over the run (first, last, between), in manifest order.</summary>
    public static IReadOnlyList<object> Representative(int perManifest)
    {
        var picked = new List<object>();
        foreach (var (_, samples) in ByManifest.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var count = Math.Min(perManifest, samples.Count);
            for (var i = 0; i < count; i++)
            {
                picked.Add(samples[count == 1 ? 0 : (int)((long)i * (samples.Count - 1) / (count - 1))]);
            }
        }

        return picked;
    }

    private static Dictionary<string, IReadOnlyList<object>> Collect()
    {
        var samples = new List<object>();
        foreach (var run in RecordedStrategyRuns.All)
        {
            samples.AddRange(run.Events);
            samples.AddRange(run.Events.OfType<ChildDecided>().Select(c => c.Inner));
            samples.AddRange(run.Snapshots.Select(s => s.State));
            samples.AddRange(run.OrderEvents);
            foreach (var intent in run.Placed)
            {
                samples.AddRange(LifeCycle(intent));
            }

            samples.AddRange(run.Events.OfType<GridOrderPlaced>().Select(Skipped));
            samples.AddRange(run.Events.OfType<ChildDecided>().Select(c => c.Inner).OfType<GridOrderPlaced>().Select(Skipped));
            samples.AddRange(run.Events.OfType<ExposureCloseOrdered>().Select(e =>
                new ExposureCloseEnded(e.StrategyId, e.Symbol, e.TimestampMs + 1, e.Order.ClientOrderId, OrderEventKind.Expired)));
            samples.AddRange(run.Events.Concat(run.Events.OfType<ChildDecided>().Select(c => c.Inner)).OfType<ExitOrdersPlaced>().Select(Vanished));
        }

        samples.AddRange(RecordedRiskRun.Run.Events);
        samples.AddRange(RecordedRiskRun.Run.States);
        var venue = RecordedVenueRun.Run;
        samples.AddRange(venue.Journal);
        samples.AddRange(venue.Snapshots);
        samples.Add(WithDroppedOrders(venue.Snapshots[^1]));
        samples.AddRange(venue.Snapshots.SelectMany(snapshot => snapshot.Orders));
        samples.AddRange(venue.Books);
        samples.AddRange(ProtocolMessageSamples.All);

        var manifests = MessageManifests.Default;
        return samples
            .GroupBy(sample => manifests.ManifestOf(sample.GetType()))
            .ToDictionary(group => group.Key, group => (IReadOnlyList<object>)[.. group], StringComparer.Ordinal);
    }

    // The recorded run keeps every order; the same state restored keeping one ended order has dropped ones, and watermarks.
    private static GatewaySnapshot WithDroppedOrders(GatewaySnapshot snapshot)
    {
        var state = new GatewayState(new ClientOrderIdFactory(), 1);
        state.Restore(snapshot);
        var dropped = state.ToSnapshot();
        return dropped.DroppedThrough is { Count: > 0 } ? dropped : throw new InvalidOperationException("The recorded gateway run has too few ended orders to drop one.");
    }

    private static PositionVanished Vanished(ExitOrdersPlaced exits) => new(
        exits.StrategyId,
        exits.Symbol,
        exits.TimestampMs + 1,
        exits.StopLoss.Side == OrderSide.Sell ? PositionDirection.Long : PositionDirection.Short,
        exits.StopLoss.Quantity!.Value,
        exits.StopLoss.ClientOrderId,
        0m);

    // What the gateway journals for an order besides fills and cancels, with the intent's own values.
    private static IEnumerable<IOrderEvent> LifeCycle(OrderIntent intent)
    {
        var symbol = intent.Symbol;
        var id = intent.ClientOrderId;
        var t = 1_748_000_000_000L;
        yield return new OrderInitialized(intent, t);
        yield return new OrderSubmitted(symbol, id, t + 1);
        yield return new OrderAccepted(symbol, id, new Domain.Identifiers.VenueOrderId(9_000_000_000 + id.Value.Length), t + 2);
        yield return new OrderPendingCancel(symbol, id, t + 3);
        yield return new OrderCancelRejected(symbol, id, -2011, "Unknown order sent.", t + 4);
        yield return new OrderRejected(symbol, id, -2019, "Margin is insufficient.", t + 2);
        yield return new OrderDenied(symbol, id, $"per-trade risk: {intent.Quantity} at {intent.Price ?? intent.StopPrice} risks too much", t + 1);
    }

    private static GridOrderSkipped Skipped(GridOrderPlaced placed) => new(
        placed.StrategyId,
        placed.Symbol,
        placed.TimestampMs,
        placed.CellId,
        placed.Role,
        placed.Side,
        placed.Price,
        placed.Quantity,
        $"only {placed.Quantity / 10m} visible within 0.2% of {placed.Price}",
        placed.TimestampMs + 120_000);
}
