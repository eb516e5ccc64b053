using Rari.Actors.Execution;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Support;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Serialization;

/// <summary>
/// Every sample of <see cref="JournalSamples"/> — real strategy journals and snapshots, the order events around them,
/// risk-monitor decisions and states, one of every protocol message — written and read back unchanged.
/// </summary>
public sealed class RecordedSampleRoundTripSpecs(ITestOutputHelper output)
{
    public static TheoryData<string> Manifests => [.. MessageManifests.Default.Entries.Select(entry => entry.Key)];

    [Fact]
    public void Should_have_real_samples_of_every_registered_manifest()
    {
        // act
        var missing = MessageManifests.Default.Entries.Select(e => e.Key).Where(m => !JournalSamples.ByManifest.ContainsKey(m));

        // assert
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Should_read_back_every_sample_of_a_manifest_unchanged(string manifest)
    {
        // arrange
        var samples = JournalSamples.ByManifest[manifest];

        // act and assert
        foreach (var sample in samples)
        {
            SerializationAssert.Faithful(sample, SerializationAssert.RoundTrip(sample)); // <--
        }

        output.WriteLine($"{manifest}: {samples.Count} samples");
    }

    [Fact]
    public void Should_harvest_every_event_the_default_strategies_emit_with_children_nested_by_manifest()
    {
        // arrange: the default hybrid's journal holds its children's decisions inside ChildDecided
        var hybrid = RecordedStrategyRuns.Hybrid.Events;

        // act
        var nested = hybrid.OfType<ChildDecided>().Select(c => c.Inner.GetType()).Distinct().ToList();
        var copies = hybrid.OfType<ChildDecided>().Select(c => (ChildDecided)SerializationAssert.RoundTrip(c)).ToList();

        // assert
        Assert.True(nested.Count >= 10, $"only {nested.Count} kinds of child events");
        Assert.Equal(hybrid.OfType<ChildDecided>(), copies); // the inner events compare by value too
        Assert.All(RecordedStrategyRuns.Default, run => Assert.True(run.Events.Count > 500, $"{run} decided too little to be a sample"));
    }

    [Fact]
    public void Should_rebuild_the_strategies_state_from_the_read_back_journal()
    {
        foreach (var run in RecordedStrategyRuns.All)
        {
            // arrange
            var fresh = run.NewStrategy();

            // act: recovery = fold the journal as it comes back from the database
            foreach (var strategyEvent in run.Events)
            {
                fresh.Apply((IStrategyEvent)SerializationAssert.RoundTrip(strategyEvent));
            }

            // assert
            Assert.Equal(run.Snapshots[^1].State, fresh.Snapshot()); // <--
        }
    }

    [Fact]
    public void Should_rebuild_the_risk_state_from_the_read_back_journal()
    {
        // arrange
        var run = RecordedRiskRun.Run;

        // act
        var recovered = RiskState.Empty.ApplyAll(run.Events.Select(e => (IRiskEvent)SerializationAssert.RoundTrip(e)));

        // assert
        Assert.Equal(run.State, recovered);
        Assert.Equal(9, run.Events.Select(e => e.GetType()).Distinct().Count()); // every risk decision was reached
    }

    [Fact]
    public void Should_rebuild_each_order_from_its_read_back_events()
    {
        // arrange: the orders of the default volatility run, as the gateway would fold them
        var run = RecordedStrategyRuns.Volatility;
        var fills = run.OrderEvents.OfType<OrderFilled>().GroupBy(f => f.ClientOrderId).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var intent in run.Placed.Where(i => fills.ContainsKey(i.ClientOrderId)).Take(200))
        {
            IOrderEvent[] events =
            [
                new OrderInitialized(intent, 1), new OrderSubmitted(intent.Symbol, intent.ClientOrderId, 2),
                new OrderAccepted(intent.Symbol, intent.ClientOrderId, fills[intent.ClientOrderId][0].Fill.VenueOrderId, 3),
                .. fills[intent.ClientOrderId],
            ];

            // act
            var original = Fold(events);
            var copy = Fold([.. events.Select(e => (IOrderEvent)SerializationAssert.RoundTrip(e))]);

            // assert
            Assert.Equal(OrderStatus.Filled, original.Status);
            Assert.Equal(original, copy);
        }
    }

    [Fact]
    public void Should_rebuild_the_gateways_orders_from_a_read_back_snapshot()
    {
        foreach (var snapshot in RecordedVenueRun.Run.Snapshots)
        {
            // arrange: the order events of each order are written with their manifests ("$type") inside the snapshot
            var copy = (GatewaySnapshot)SerializationAssert.RoundTrip(snapshot);

            // act: restore as the gateway does, each order created from its intent and folded through its events
            var original = Restore(snapshot);
            var restored = Restore(copy);

            // assert
            Assert.Equal(original, restored); // <--
            Assert.Equal(snapshot.Orders.SelectMany(o => o.Events).Select(e => e.GetType()), copy.Orders.SelectMany(o => o.Events).Select(e => e.GetType()));
            Assert.Equal(snapshot.Lost, copy.Lost);
        }

        // assert: the last snapshot holds what the run did, so the comparison covers adopted, cancelled, filled, refused and lost orders
        var last = RecordedVenueRun.Run.Snapshots[^1];
        var statuses = Restore(last).Select(order => order.Status).ToHashSet();
        Assert.Superset(new HashSet<OrderStatus> { OrderStatus.Accepted, OrderStatus.Canceled, OrderStatus.Filled, OrderStatus.Denied }, statuses);
        Assert.Equal(2, last.Lost.Count);
    }

    private static List<Order> Restore(GatewaySnapshot snapshot)
    {
        var orders = new List<Order>();
        foreach (var saved in snapshot.Orders)
        {
            var order = Order.Create(new OrderInitialized(saved.Intent, saved.CreatedMs));
            foreach (var orderEvent in saved.Events)
            {
                order = Assert.IsType<OrderApplyResult.Applied>(order.Apply(orderEvent)).Order;
            }

            orders.Add(order);
        }

        return orders;
    }

    private static Order Fold(IOrderEvent[] events)
    {
        var order = Order.Create((OrderInitialized)events[0]);
        foreach (var orderEvent in events.Skip(1))
        {
            order = order.Apply(orderEvent).Order;
        }

        return order;
    }
}
