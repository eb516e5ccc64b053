using Rari.Actors.Execution;
using Rari.Dashboard.ReadModel;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Tests.ReadModel;

public sealed class ReadModelStateSpecs
{
    private static readonly Symbol Eth = new("ETHUSDT");

    [Fact]
    public void Should_keep_the_newer_account_view_when_an_older_revision_arrives_late()
    {
        // arrange: the topic brought revision 20; a status answer asked earlier brings revision 10 afterwards
        var state = new ReadModelState("grid", [Eth], RiskSettings.Default, 100, 0);
        state.Apply(new AccountChanged(2_000, 10_000m, 10_500m, 9_000m, [], Revision: 20), receivedAtMs: 1);

        // act
        state.Apply(new AccountChanged(1_000, 10_000m, 9_000m, 9_000m, [], Revision: 10), receivedAtMs: 2);

        // assert
        Assert.Equal(10_500m, state.Account!.Equity); // <--
        Assert.Single(state.Snapshot(3, []).Performance.Equity);
    }

    [Fact]
    public void Should_count_a_redelivered_fill_once_and_an_order_with_two_fills_once()
    {
        // arrange: order 1 fills in two trades; trade 2 is delivered twice (a pub-sub redelivery)
        var state = new ReadModelState("grid", [Eth], RiskSettings.Default, 100, 0);
        var order = new ClientOrderId("rari-grid-ETHUSDT-000001");
        OrderFilled Trade(long id) => new(new Fill(Eth, order, new VenueOrderId(7), new TradeId(id), OrderSide.Buy, PositionSide.Both, 2_000m, 0.5m, 0.1m, LiquiditySide.Maker, 1_000 + id));

        // act
        var first = state.Apply(Trade(1));
        var second = state.Apply(Trade(2));
        var again = state.Apply(Trade(2));

        // assert
        Assert.Equal((true, true, false), (first, second, again)); // <--
        var performance = state.Snapshot(3, []).Performance;
        Assert.Equal(2, performance.Fills);
        Assert.Equal(1, performance.FilledOrders);
        Assert.Equal(2_000m, performance.FilledNotional);
    }
}
