using System.Globalization;
using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Aster.Tests.Models;

public sealed class OrderIntentMappingSpecs
{
    [Fact]
    public void Should_map_a_limit_intent_with_the_tick_and_step_scales()
    {
        // arrange
        var intent = Intent(OrderType.Limit, quantity: 0.01m, price: 65000.50m, timeInForce: TimeInForce.Gtx);

        // act
        var request = intent.ToNewOrderRequest(TestInstruments.BtcUsdt, AsterOrderResponseType.Result);

        // assert
        Assert.Equal(
            "symbol=BTCUSDT side=BUY type=LIMIT quantity=0.010 price=65000.5 timeInForce=GTX newClientOrderId=grid-L1-0001 positionSide=BOTH newOrderRespType=RESULT",
            string.Join(' ', request.ToParameters().Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Should_map_a_close_position_stop_without_quantity()
    {
        // arrange
        var intent = OrderIntent.Create(
            new ClientOrderId("sl-9"), new StrategyId("grid"), new Symbol("BTCUSDT"), OrderSide.Sell, OrderType.StopMarket,
            quantity: null, stopPrice: 60000m, closePosition: true);

        // act
        var request = intent.ToNewOrderRequest(TestInstruments.BtcUsdt);

        // assert
        Assert.Equal(
            "symbol=BTCUSDT side=SELL type=STOP_MARKET newClientOrderId=sl-9 positionSide=BOTH stopPrice=60000.0 closePosition=true",
            string.Join(' ', request.ToParameters().Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Should_map_a_reduce_only_market_intent_on_the_market_lot_step()
    {
        // arrange
        var intent = Intent(OrderType.Market, quantity: 1.5m, reduceOnly: true, side: OrderSide.Sell);

        // act
        var request = intent.ToNewOrderRequest(TestInstruments.BtcUsdt);

        // assert
        Assert.Equal(AsterOrderType.Market, request.Type);
        Assert.Equal("1.500", request.Quantity!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.True(request.ReduceOnly);
        Assert.Null(request.ClosePosition);
    }

    [Fact]
    public void Should_refuse_a_price_off_the_tick()
    {
        // arrange
        var intent = Intent(OrderType.Limit, quantity: 0.01m, price: 65000.55m, timeInForce: TimeInForce.Gtc);

        // act
        var error = Assert.Throws<ArgumentException>(() => intent.ToNewOrderRequest(TestInstruments.BtcUsdt));

        // assert
        Assert.StartsWith("Intent grid-L1-0001: price 65000.55 is not on BTCUSDT's grid of 0.1; normalize the intent first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_intent_for_another_symbol()
    {
        // arrange
        var intent = Intent(OrderType.Market, quantity: 1m);

        // act
        var error = Assert.Throws<ArgumentException>(() => intent.ToNewOrderRequest(TestInstruments.EthUsdt));

        // assert
        Assert.StartsWith("Intent grid-L1-0001 is for BTCUSDT but the instrument is ETHUSDT.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_write_every_on_grid_value_with_exactly_the_grid_scale_and_its_own_value()
    {
        // arrange
        var random = new Random(4242);
        var instruments = new[] { TestInstruments.BtcUsdt, TestInstruments.EthUsdt, TestInstruments.SolUsdt, TestInstruments.SuiUsdt };

        // act and assert, over many generated intents
        for (var i = 0; i < 2_000; i++)
        {
            var instrument = instruments[random.Next(instruments.Length)];
            var price = instrument.RoundPrice((decimal)(random.NextDouble() * 100_000) + instrument.PriceFilter.TickSize, TickRounding.Down);
            var quantity = instrument.RoundQuantityDown((decimal)(random.NextDouble() * 50) + instrument.LotSize.StepSize);
            var intent = OrderIntent.Create(
                new ClientOrderId($"g-{i}"), new StrategyId("grid"), instrument.Symbol, OrderSide.Buy, OrderType.Limit, quantity, price, timeInForce: TimeInForce.Gtc);

            var request = intent.ToNewOrderRequest(instrument);

            Assert.Equal(price, request.Price);
            Assert.Equal(quantity, request.Quantity);
            Assert.Equal(DecimalScale.Significant(instrument.PriceFilter.TickSize), request.Price!.Value.Scale);
            Assert.Equal(DecimalScale.Significant(instrument.LotSize.StepSize), request.Quantity!.Value.Scale);
        }
    }

    private static OrderIntent Intent(
        OrderType type, decimal? quantity, decimal? price = null, TimeInForce? timeInForce = null, bool reduceOnly = false, OrderSide side = OrderSide.Buy) =>
        OrderIntent.Create(
            new ClientOrderId("grid-L1-0001"), new StrategyId("grid"), new Symbol("BTCUSDT"), side, type, quantity, price,
            timeInForce: timeInForce, reduceOnly: reduceOnly);
}
