using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.Domain.Tests.Execution.ReconcilerSpecs;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Execution;

/// <summary>What the gateway asks the venue before reconciling: which orders to query, which fills to fetch.</summary>
public sealed class ReconcilerQueriesSpecs
{
    private static readonly OrderIntent A = Limit(sequence: 1);
    private static readonly OrderIntent B = Limit(sequence: 2);
    private static readonly OrderIntent C = Limit(sequence: 3);
    private static readonly OrderIntent Eth = OrderIntent.Create(Ids.Create(Grid, new Symbol("ETHUSDT"), 1), Grid, new Symbol("ETHUSDT"), OrderSide.Sell, OrderType.Limit, 1m, price: 2000m, timeInForce: TimeInForce.Gtc);

    [Fact]
    public void Should_query_every_order_held_open_that_the_venue_does_not_list_as_open()
    {
        // arrange: A submitted and not listed, B accepted and listed, C filled
        var orders = new[]
        {
            new JournalOrder(Journal(A, Submitted(A)), 0),
            new JournalOrder(Journal(B, Submitted(B), Accepted(B)), 0),
            new JournalOrder(Journal(C, Submitted(C), Accepted(C), Filled(C, 1, 1m, 100m)), 0),
        };

        // act
        var query = Reconciler.OrdersToQuery(orders, [Report(B, OrderStatus.Accepted)]);

        // assert
        Assert.Equal([A.ClientOrderId], query);
    }

    [Fact]
    public void Should_leave_a_submission_in_flight_to_its_own_resolution()
    {
        // arrange
        var orders = new[] { new JournalOrder(Journal(A, Submitted(A)), 0), new JournalOrder(Journal(B, Submitted(B), Accepted(B)), 0) };

        // act
        var query = Reconciler.OrdersToQuery(orders, [], new HashSet<ClientOrderId> { A.ClientOrderId, B.ClientOrderId });

        // assert: B is acknowledged, so its submission is over whatever the set says
        Assert.Equal([B.ClientOrderId], query);
    }

    [Fact]
    public void Should_fetch_trades_after_the_last_journaled_trade_id()
    {
        // arrange
        var orders = new[]
        {
            new JournalOrder(Journal(A, Submitted(A), Accepted(A), Filled(A, 17, 0.5m, 100m)), 0),
            new JournalOrder(Journal(C, Submitted(C), Accepted(C), Filled(C, 12, 1m, 100m)), 0),
        };

        // act
        var queries = Reconciler.TradeQueries(orders, [], lookbackMs: 1_000);

        // assert
        Assert.Equal([new TradeQuery(Btc, new TradeId(18), null)], queries);
    }

    [Fact]
    public void Should_fetch_trades_from_the_earliest_order_that_may_have_filled_when_none_is_journaled()
    {
        // arrange: two open orders created at T0+3 and T0+50
        var orders = new[]
        {
            new JournalOrder(Journal(A, Submitted(A), Accepted(A)), 0),
            new JournalOrder(Journal(B, Submitted(B), Accepted(B, venueOrderId: 43)), 0),
        };
        var reports = new[] { Report(A, OrderStatus.Filled, executed: 1m), Report(B, OrderStatus.Accepted, venueId: 43) with { CreatedMs = T0 + 50 } };

        // act
        var queries = Reconciler.TradeQueries(orders, reports, lookbackMs: 1_000);

        // assert
        Assert.Equal([new TradeQuery(Btc, null, T0 + 3)], queries);
    }

    [Fact]
    public void Should_fetch_no_further_back_than_the_lookback_from_the_newest_order()
    {
        // arrange
        var orders = new[]
        {
            new JournalOrder(Journal(A, Submitted(A), Accepted(A)), 0),
            new JournalOrder(Journal(B, Submitted(B), Accepted(B, venueOrderId: 43)), 0),
        };
        var reports = new[] { Report(A, OrderStatus.Accepted), Report(B, OrderStatus.Accepted, venueId: 43) with { CreatedMs = T0 + 5_000 } };

        // act
        var queries = Reconciler.TradeQueries(orders, reports, lookbackMs: 1_000);

        // assert
        Assert.Equal([new TradeQuery(Btc, null, T0 + 4_000)], queries);
    }

    [Fact]
    public void Should_fetch_nothing_where_no_order_can_have_filled()
    {
        // arrange: every order ended without a fill, or is open but unknown to the venue (no creation time)
        var orders = new[]
        {
            new JournalOrder(Journal(A, Submitted(A), Accepted(A), Canceled(A)), 0),
            new JournalOrder(Journal(Eth, Submitted(Eth)), 0),
        };

        // act
        var queries = Reconciler.TradeQueries(orders, [], lookbackMs: 1_000);

        // assert
        Assert.Empty(queries);
    }

    [Fact]
    public void Should_fetch_per_symbol_in_symbol_order()
    {
        // arrange
        var orders = new[]
        {
            new JournalOrder(Journal(Eth, Submitted(Eth), Accepted(Eth, venueOrderId: 9), Filled(Eth, 4, 0.1m, 2000m, venueOrderId: 9)), 0),
            new JournalOrder(Journal(A, Submitted(A), Accepted(A), Filled(A, 2, 0.1m, 100m)), 0),
        };

        // act
        var queries = Reconciler.TradeQueries(orders, [], lookbackMs: 1_000);

        // assert
        Assert.Equal([new TradeQuery(Btc, new TradeId(3), null), new TradeQuery(Eth.Symbol, new TradeId(5), null)], queries);
    }

    [Fact]
    public void Should_name_venue_order_ids_from_the_journal_first_then_from_the_venue()
    {
        // arrange: A acknowledged as 42; B only known through a lookup as 43; a foreign order without a valid id
        var orders = new[] { new JournalOrder(Journal(A, Submitted(A), Accepted(A)), 0), new JournalOrder(Journal(B, Submitted(B)), 0) };
        var reports = new[]
        {
            Report(A, OrderStatus.Accepted, venueId: 42) with { ClientOrderId = "spoofed" },
            Report(B, OrderStatus.Accepted, venueId: 43),
            Report(C, OrderStatus.Accepted, venueId: 44) with { ClientOrderId = "not a valid id!" },
        };

        // act
        var ids = Reconciler.VenueIds(orders, reports);

        // assert
        Assert.Equal(
            new Dictionary<VenueOrderId, ClientOrderId> { [new VenueOrderId(42)] = A.ClientOrderId, [new VenueOrderId(43)] = B.ClientOrderId },
            ids);
    }
}
