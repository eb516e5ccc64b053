using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Rari.Actors.Execution;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.TestKit;
using static Rari.TestKit.TestOrders;

namespace Rari.Actors.Tests.Execution;

/// <summary>
/// <see cref="GatewayState"/> keeps only the newest ended orders, and what it drops can neither be sent again nor move
/// a watermark back; every replay (from zero, from any snapshot, from a snapshot of the old shape) gives the same state.
/// </summary>
public sealed class GatewayStateRetentionSpecs
{
    private const int Retained = 3;
    private static readonly StrategyId Vol = new("vol");

    [Fact]
    public void Should_keep_only_the_newest_ended_orders_and_every_open_one()
    {
        // arrange
        var state = NewState();
        var open = Limit(sequence: 1);

        // act: one order stays open, five end after it
        Fold(state, Started(open), Accepted(open, venueOrderId: 1));
        for (var sequence = 2; sequence <= 6; sequence++)
        {
            Fold(state, FilledOrder(sequence));
        }

        // assert
        Assert.Equal(1 + Retained, state.Count);
        Assert.True(state.TryGet(open.ClientOrderId, out _)); // <-- open orders are never dropped
        Assert.Equal([false, false, true, true, true], Enumerable.Range(2, 5).Select(s => state.TryGet(Id(s), out _)));
        Assert.True(state.IsRetired(Id(2)));
        Assert.True(state.IsRetired(Id(3)));
        Assert.False(state.IsRetired(Id(1)));
        Assert.False(state.IsRetired(Id(7)));
        Assert.Equal(3, state.DroppedThrough["rari-grid-BTCUSDT"]);
    }

    [Fact]
    public void Should_refuse_an_older_id_of_the_same_strategy_and_symbol_only()
    {
        // arrange: sequence 2 never arrives
        var state = NewState();

        // act
        foreach (var sequence in new[] { 1, 3, 4, 5, 6 })
        {
            Fold(state, FilledOrder(sequence));
        }

        // assert: 3 was dropped, so 2 (never seen) is refused as well; other strategies keep their own sequences
        Assert.True(state.IsRetired(Id(2)));
        Assert.False(state.IsRetired(Ids.Create(Vol, Btc, 2)));
        Assert.False(state.IsRetired(Ids.Create(Grid, new Symbol("ETHUSDT"), 2)));
    }

    [Fact]
    public void Should_drop_the_orders_of_strategies_that_use_another_prefix_too()
    {
        // arrange: strategies make their ids with their own factory, whatever prefix the gateway was given
        var state = NewState();
        var other = new ClientOrderIdFactory("bob");

        // act
        for (var sequence = 1; sequence <= 4; sequence++)
        {
            var intent = OrderIntent.Create(other.Create(Grid, Btc, sequence), Grid, Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m, timeInForce: TimeInForce.Gtc);
            Fold(state, new SubmissionRefused(intent, "spec", T0));
        }

        // assert
        Assert.Equal(Retained, state.Count);
        Assert.True(state.IsRetired(other.Create(Grid, Btc, 1))); // <--
        Assert.False(state.IsRetired(Id(1)));
        Assert.Equal(1, state.DroppedThrough["bob-grid-BTCUSDT"]);
    }

    [Fact]
    public void Should_drop_the_oldest_declarations_of_lost_orders_and_refuse_them_still()
    {
        // arrange
        var state = NewState();

        // act
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            state.Apply(new OrderDeclaredLost(Btc, Id(sequence), "spec"));
        }

        // assert
        Assert.Equal([Id(3), Id(4), Id(5)], state.Lost.OrderBy(id => id.Value, StringComparer.Ordinal));
        Assert.True(state.IsRetired(Id(1)));
        Assert.False(state.IsLost(Id(1)));
    }

    [Fact]
    public void Should_keep_the_risk_sequence_after_dropping_the_orders_it_came_from()
    {
        // arrange: a close order of the gateway's own, then more ended orders than are kept
        var state = NewState();
        var close = OrderIntent.Create(Ids.Create(GatewayState.RiskStrategy, Btc, 7), GatewayState.RiskStrategy, Btc, OrderSide.Sell, OrderType.Market, 1m, reduceOnly: true);
        Fold(state, Started(close), Accepted(close, venueOrderId: 700), Filled(close, 7_000, 1m, 100m, venueOrderId: 700));

        // act
        for (var sequence = 1; sequence <= Retained; sequence++)
        {
            Fold(state, FilledOrder(sequence));
        }

        var restored = NewState();
        restored.Restore((GatewaySnapshot)SerializationAssert.RoundTrip(state.ToSnapshot()));

        // assert
        Assert.False(state.TryGet(close.ClientOrderId, out _));
        Assert.Equal(8, state.NextRiskSequence); // <--
        Assert.Equal(8, restored.NextRiskSequence);
    }

    [Fact]
    public void Should_keep_the_highest_trade_id_of_a_symbol_after_dropping_its_orders()
    {
        // arrange: the order with the highest trade id ends first, so it is the first dropped
        var state = NewState();
        var first = Limit(sequence: 1);
        Fold(state, Started(first), Accepted(first, venueOrderId: 1), Filled(first, 9_000, 1m, 100m, venueOrderId: 1));

        // act
        for (var sequence = 2; sequence <= 2 + Retained; sequence++)
        {
            Fold(state, FilledOrder(sequence));
        }

        var restored = NewState();
        restored.Restore((GatewaySnapshot)SerializationAssert.RoundTrip(state.ToSnapshot()));

        // assert
        Assert.True(state.IsRetired(first.ClientOrderId));
        Assert.Equal(new TradeId(9_000), state.LastTradeIds[Btc]); // <--
        Assert.Equal(new TradeId(9_000), restored.LastTradeIds[Btc]);
    }

    [Fact]
    public void Should_give_the_same_state_from_zero_and_from_a_snapshot_taken_after_any_event()
    {
        // arrange: open, filled, cancelled, denied, lost and risk orders, several dropped along the way
        var journal = MixedJournal();
        var fromZero = NewState();
        Fold(fromZero, [.. journal]);
        Assert.True(fromZero.TryGet(Id(0), out _) && fromZero.DroppedThrough["rari-grid-BTCUSDT"] > 0); // kept below its watermark

        for (var taken = 0; taken <= journal.Count; taken++)
        {
            // act: replay up to a snapshot (written and read back), restore it, replay the rest
            var before = NewState();
            Fold(before, [.. journal.Take(taken)]);
            var restored = NewState();
            restored.Restore((GatewaySnapshot)SerializationAssert.RoundTrip(before.ToSnapshot()));
            Fold(restored, [.. journal.Skip(taken)]);

            // assert
            Assert.True(Describe(fromZero) == Describe(restored), $"after {taken}:\n{Describe(fromZero)}\n{Describe(restored)}");
        }
    }

    [Fact]
    public void Should_recover_a_snapshot_written_before_orders_were_dropped()
    {
        // arrange: a snapshot in the old shape (no risk sequence, no watermarks), as the previous version wrote it
        var old = NewState(retained: 1_000);
        Fold(old, [.. MixedJournal()]);
        var json = JsonNode.Parse(RariJson.Default.ToJson(old.ToSnapshot()))!.AsObject();
        json.Remove("nextRiskSequence");
        json.Remove("droppedThrough");
        json.Remove("lastTradeIds");
        var snapshot = (GatewaySnapshot)RariJson.Default.FromBytes(Encoding.UTF8.GetBytes(json.ToJsonString()), RariJson.Default.ManifestOf(old.ToSnapshot()));

        // act
        var restored = NewState(retained: 1_000);
        restored.Restore(snapshot);

        // assert: the risk sequence and the trade watermark come back from the orders themselves
        Assert.Null(snapshot.LastTradeIds);
        Assert.Equal(Describe(old), Describe(restored));
        Assert.Equal(old.NextRiskSequence, restored.NextRiskSequence);
        Assert.True(restored.NextRiskSequence > 0);
        Assert.NotEmpty(restored.LastTradeIds);
    }

    private static GatewayState NewState(int retained = Retained) => new(Ids, retained);

    private static void Fold(GatewayState state, params object[] events)
    {
        foreach (var journalEvent in events)
        {
            state.Apply(journalEvent);
        }
    }

    private static SubmissionStarted Started(OrderIntent intent) => new(intent, "spec", T0, T0);

    private static object[] FilledOrder(long sequence)
    {
        var intent = Limit(sequence: sequence);
        return [Started(intent), Accepted(intent, venueOrderId: sequence), Filled(intent, 100 + sequence, 1m, 100m, venueOrderId: sequence)];
    }

    private static List<object> MixedJournal()
    {
        var journal = new List<object>();
        for (var sequence = 1; sequence <= 12; sequence++)
        {
            var intent = Limit(sequence: sequence);
            var venueId = sequence;
            switch (sequence % 4)
            {
                case 0:
                    journal.AddRange([Started(intent), Accepted(intent, venueOrderId: venueId), Filled(intent, 1_000 + sequence, 0.5m, 100m, venueOrderId: venueId), Canceled(intent)]);
                    break;
                case 1:
                    journal.AddRange(FilledOrder(sequence));
                    break;
                case 2:
                    journal.Add(new SubmissionRefused(intent, "spec", T0));
                    break;
                default:
                    journal.Add(new OrderDeclaredLost(Btc, intent.ClientOrderId, "spec"));
                    break;
            }
        }

        var open = Ids.Create(Vol, Btc, 1);
        var resting = OrderIntent.Create(open, Vol, Btc, OrderSide.Sell, OrderType.Limit, 1m, price: 120m, timeInForce: TimeInForce.Gtc);
        var close = OrderIntent.Create(Ids.Create(GatewayState.RiskStrategy, Btc, 4), GatewayState.RiskStrategy, Btc, OrderSide.Sell, OrderType.Market, 1m, reduceOnly: true);
        journal.InsertRange(5, [Started(resting), Accepted(resting, venueOrderId: 500)]);

        // The oldest grid order ends last, below the watermark its newer siblings raised, and must still be kept.
        // Ids without a sequence cannot be dropped, but a snapshot keeps them like any other.
        var manual = OrderIntent.Create(new ClientOrderId("manual_order_1"), Grid, Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 100m, timeInForce: TimeInForce.Gtc);
        journal.InsertRange(3, [new SubmissionRefused(manual, "spec", T0), new OrderDeclaredLost(Btc, new ClientOrderId("manual_order_2"), "spec")]);

        var late = Limit(sequence: 0);
        journal.InsertRange(0, [Started(late), Accepted(late, venueOrderId: 400)]);
        journal.AddRange([Started(close), Accepted(close, venueOrderId: 600), Filled(close, 2_000, 1m, 100m, venueOrderId: 600), Canceled(late)]);
        return journal;
    }

    // Everything the state answers with, in a fixed order.
    private static string Describe(GatewayState state)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        foreach (var order in state.JournalView().OrderBy(o => o.ClientOrderId.Value, StringComparer.Ordinal))
        {
            state.TryGet(order.ClientOrderId, out var kept);
            text.Append(culture, $"{order.ClientOrderId} {order.Order.Status} {order.Order.FilledQuantity} {kept.History.Count} {kept.Detail};");
        }

        text.Append(culture, $"| open {string.Join(',', state.OpenOrders.Select(o => o.ClientOrderId.Value).Order(StringComparer.Ordinal))}");
        text.Append(culture, $"| lost {string.Join(',', state.Lost.Select(id => id.Value).Order(StringComparer.Ordinal))}");
        text.Append(culture, $"| dropped {string.Join(',', state.DroppedThrough.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"))}");
        text.Append(culture, $"| trades {string.Join(',', state.LastTradeIds.OrderBy(e => e.Key.Value, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value.Value}"))}");
        text.Append(culture, $"| risk {state.NextRiskSequence}");
        text.Append(culture, $"| snapshot order {string.Join(',', state.ToSnapshot().Orders.Select(o => o.Intent.ClientOrderId.Value))}");
        return text.ToString();
    }
}
