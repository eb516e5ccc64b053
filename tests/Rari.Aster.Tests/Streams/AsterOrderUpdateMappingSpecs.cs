using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Streams;

public sealed class AsterOrderUpdateMappingSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly ClientOrderId Id = new("grid-b-1");

    [Fact]
    public void Should_map_a_new_order_to_accepted_with_the_venues_id()
    {
        // act
        var mapped = Update("NEW", "NEW").ToOrderEvent();

        // assert
        Assert.Equal(new OrderAccepted(Btc, Id, new VenueOrderId(1001), 1_746_489_659_999), mapped);
    }

    [Fact]
    public void Should_map_a_trade_to_a_fill_with_price_quantity_fee_and_liquidity()
    {
        // act
        var mapped = SimEvents.ExpectedOrder.ToOrderEvent();

        // assert
        Assert.Equal(
            new OrderFilled(new Fill(Btc, Id, new VenueOrderId(1001), new TradeId(17), OrderSide.Buy, PositionSide.Both, 94696.7m, 0.004m, 0.07575736m, LiquiditySide.Maker, 1_746_489_659_999)),
            mapped);
    }

    [Fact]
    public void Should_give_a_close_position_fill_the_quantity_the_venue_fixed_when_it_triggered()
    {
        // arrange
        var update = Update("TRADE", "FILLED", o => o with { ClosePosition = true, OriginalQuantity = 0.25m, LastFilledQuantity = 0.25m, IsMaker = false, Side = WireValue.Of(OrderSide.Sell) });

        // act
        var mapped = Assert.IsType<OrderFilled>(update.ToOrderEvent());

        // assert
        Assert.Equal(0.25m, mapped.OrderQuantity);
        Assert.Equal((OrderSide.Sell, LiquiditySide.Taker, 0.25m), (mapped.Fill.Side, mapped.Fill.Liquidity, mapped.Fill.Quantity));
    }

    [Theory]
    [InlineData("CANCELED", "CANCELED", typeof(OrderCanceled))]
    [InlineData("EXPIRED", "EXPIRED", typeof(OrderExpired))]
    public void Should_map_the_end_of_an_order(string execution, string status, Type expected)
    {
        // act
        var mapped = Update(execution, status).ToOrderEvent();

        // assert
        Assert.IsType(expected, mapped);
        Assert.Equal((Btc, Id, 1_746_489_659_999L), (mapped!.Symbol, mapped.ClientOrderId, mapped.TimestampMs));
    }

    [Fact]
    public void Should_map_a_liquidation_execution_to_a_fill_of_the_venues_order()
    {
        // arrange
        var update = Update("CALCULATED", "FILLED", o => o with { ClientOrderId = "autoclose-1746489659999", Side = WireValue.Of(OrderSide.Sell), IsMaker = false, Commission = null, CommissionAsset = null });

        // act
        var mapped = Assert.IsType<OrderFilled>(update.ToOrderEvent());

        // assert
        Assert.Equal((new ClientOrderId("autoclose-1746489659999"), 0m, LiquiditySide.Taker), (mapped.Fill.ClientOrderId, mapped.Fill.Fee, mapped.Fill.Liquidity));
    }

    [Theory]
    [InlineData("AMENDMENT")]
    [InlineData("SOMETHING_NEW")]
    public void Should_map_an_execution_the_order_model_does_not_know_to_nothing(string execution)
    {
        // act
        var mapped = Update(execution, "NEW").ToOrderEvent();

        // assert
        Assert.Null(mapped);
    }

    [Fact]
    public void Should_ignore_an_order_whose_client_id_cannot_be_ours()
    {
        // act
        var mapped = Update("NEW", "NEW", o => o with { ClientOrderId = "web_" + new string('x', 40) }).ToOrderEvent();

        // assert
        Assert.Null(mapped);
    }

    [Fact]
    public void Should_time_an_event_without_a_trade_time_by_its_event_time()
    {
        // act
        var mapped = Update("CANCELED", "CANCELED", o => o with { TradeTimeMs = 0 }).ToOrderEvent();

        // assert
        Assert.Equal(1_746_489_660_001, mapped!.TimestampMs);
    }

    [Fact]
    public void Should_refuse_to_guess_the_value_of_a_commission_in_another_asset()
    {
        // arrange
        var update = Update("TRADE", "FILLED", o => o with { CommissionAsset = "ASTER", Commission = 0.5m });

        // act
        var refused = Assert.Throws<InvalidOperationException>(() => update.ToOrderEvent());
        var valued = Assert.IsType<OrderFilled>(update.ToOrderEvent((asset, amount) => asset == "ASTER" ? amount * 1.2m : throw new InvalidOperationException()));

        // assert
        Assert.Contains("0.5 in ASTER", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0.60m, valued.Fill.Fee);
    }

    private static AsterOrderTradeUpdate Update(string execution, string status, Func<AsterOrderUpdate, AsterOrderUpdate>? change = null)
    {
        var order = SimEvents.ExpectedOrder.Order with
        {
            ExecutionType = WireValue.Parse<AsterExecutionType>(execution),
            Status = WireValue.Parse<AsterOrderStatus>(status),
        };
        return SimEvents.ExpectedOrder with { Order = change?.Invoke(order) ?? order };
    }
}
