using System.Text.Json;
using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Streams;

public sealed class UserPayloadsSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_parse_every_field_of_an_order_trade_update_of_a_trailing_stop()
    {
        // arrange: a trailing stop triggered and filled, with the fields only trailing stops carry
        const string text = """
            {"e":"ORDER_TRADE_UPDATE","E":1568879465651,"T":1568879465650,"o":{"s":"BTCUSDT","c":"TEST","S":"SELL","o":"TRAILING_STOP_MARKET","f":"GTC",
            "q":"0.001","p":"0","ap":"9638.00","sp":"7103.04","x":"TRADE","X":"FILLED","i":8886774,"l":"0.001","z":"0.001","L":"9638","N":"USDT","n":"0.00385520",
            "T":1568879465651,"t":22,"b":"0","a":"9.91","m":false,"R":true,"wt":"CONTRACT_PRICE","ot":"TRAILING_STOP_MARKET","ps":"LONG","cp":false,
            "AP":"7476.89","cr":"5.0","rp":"-0.125"}}
            """;

        // act
        var parsed = Parse(text);

        // assert
        var update = Assert.IsType<AsterOrderTradeUpdate>(parsed);
        Assert.Equal((1568879465651L, 1568879465650L), (update.EventTimeMs, update.TransactionTimeMs));
        Assert.Equal(
            new AsterOrderUpdate
            {
                Symbol = Btc,
                ClientOrderId = "TEST",
                Side = WireValue.Of(OrderSide.Sell),
                OrderType = WireValue.Of(AsterOrderType.TrailingStopMarket),
                TimeInForce = WireValue.Of(AsterTimeInForce.Gtc),
                OriginalQuantity = 0.001m,
                OriginalPrice = 0m,
                AveragePrice = 9638.00m,
                StopPrice = 7103.04m,
                ExecutionType = WireValue.Of(AsterExecutionType.Trade),
                Status = WireValue.Of(AsterOrderStatus.Filled),
                OrderId = 8886774,
                LastFilledQuantity = 0.001m,
                CumulativeFilledQuantity = 0.001m,
                LastFilledPrice = 9638m,
                CommissionAsset = "USDT",
                Commission = 0.00385520m,
                TradeTimeMs = 1568879465651,
                TradeId = 22,
                BidsNotional = 0m,
                AsksNotional = 9.91m,
                IsMaker = false,
                ReduceOnly = true,
                WorkingType = WireValue.Of(AsterWorkingType.ContractPrice),
                OriginalOrderType = WireValue.Of(AsterOrderType.TrailingStopMarket),
                PositionSide = WireValue.Of(PositionSide.Long),
                ClosePosition = false,
                ActivationPrice = 7476.89m,
                CallbackRate = 5.0m,
                RealizedProfit = -0.125m,
            },
            update.Order);
    }

    [Fact]
    public void Should_keep_statuses_and_types_it_does_not_know_as_text()
    {
        // arrange
        const string text = """
            {"e":"ORDER_TRADE_UPDATE","E":2,"T":2,"o":{"s":"BTCUSDT","c":"adl_autoclose","S":"SELL","o":"LIQUIDATION","f":"IOC","q":"1","p":"0","ap":"0",
            "x":"SOMETHING_NEW","X":"NEW_ADL","i":1,"l":"0","z":"0","L":"0","T":2}}
            """;

        // act
        var update = Assert.IsType<AsterOrderTradeUpdate>(Parse(text));

        // assert
        Assert.Equal((false, "SOMETHING_NEW"), (update.Order.ExecutionType.IsKnown, update.Order.ExecutionType.Raw));
        Assert.True(update.Order.Status.Is(AsterOrderStatus.NewAdl));
        Assert.True(update.Order.OrderType.Is(AsterOrderType.Liquidation));
        Assert.Equal((0L, false, (decimal?)null, (string?)null), (update.Order.TradeId, update.Order.IsMaker, update.Order.Commission, update.Order.CommissionAsset));
    }

    [Fact]
    public void Should_parse_an_account_update_of_a_funding_fee_without_positions()
    {
        // arrange
        const string text = """{"e":"ACCOUNT_UPDATE","E":1564745798939,"T":1564745798938,"a":{"m":"FUNDING_FEE","B":[{"a":"USDT","wb":"122624.12345678","cw":"100.12345678","bc":"-49.12345678"}]}}""";

        // act
        var update = Assert.IsType<AsterAccountUpdate>(Parse(text));

        // assert
        Assert.Equal(AsterAccountUpdateReason.FundingFee, update.Reason.Value);
        Assert.Equal([new AsterBalanceUpdate("USDT", 122624.12345678m, 100.12345678m, -49.12345678m)], update.Balances);
        Assert.Empty(update.Positions);
    }

    [Fact]
    public void Should_parse_a_hedge_mode_position_of_an_account_update()
    {
        // arrange
        const string text = """
            {"e":"ACCOUNT_UPDATE","E":3,"T":3,"a":{"m":"ORDER","B":[],"P":[{"s":"BTCUSDT","pa":"-20","ep":"6563.66500","cr":"0","up":"2850.21200","mt":"isolated","iw":"13200.70726908","ps":"SHORT","ma":"USDT"}]}}
            """;

        // act
        var update = Assert.IsType<AsterAccountUpdate>(Parse(text));

        // assert
        Assert.Equal(
            [new AsterPositionUpdate(Btc, -20m, 6563.66500m, 0m, 2850.21200m, WireValue.Parse<AsterMarginType>("isolated"), 13200.70726908m, WireValue.Of(PositionSide.Short))],
            update.Positions);
    }

    [Fact]
    public void Should_parse_a_margin_call()
    {
        // arrange
        const string text = """{"e":"MARGIN_CALL","E":1587727187525,"cw":"3.16812045","p":[{"s":"ETHUSDT","ps":"LONG","pa":"1.327","mt":"CROSSED","iw":"0","mp":"187.17127","up":"-1.166074","mm":"1.614445"}]}""";

        // act
        var call = Assert.IsType<AsterMarginCall>(Parse(text));

        // assert
        Assert.Equal(3.16812045m, call.CrossWalletBalance);
        Assert.Equal(
            [new AsterMarginCallPosition(new Symbol("ETHUSDT"), WireValue.Of(PositionSide.Long), 1.327m, WireValue.Parse<AsterMarginType>("CROSSED"), 0m, 187.17127m, -1.166074m, 1.614445m)],
            call.Positions);
        Assert.True(call.Positions[0].MarginType.Is(AsterMarginType.Crossed));
    }

    [Fact]
    public void Should_parse_both_kinds_of_account_config_update_and_the_listen_key_expiry()
    {
        // arrange
        const string leverage = """{"e":"ACCOUNT_CONFIG_UPDATE","E":1611646737479,"T":1611646737476,"ac":{"s":"BTCUSDT","l":25}}""";
        const string settings = """{"e":"ACCOUNT_CONFIG_UPDATE","E":1611646737480,"T":1611646737477,"ai":{"j":true,"f":false,"d":false}}""";
        const string expired = """{"e":"listenKeyExpired","E":1576653824250,"listenKey":"OfYGbUzi3PraNagEkdKuFwUHn48brFsItTdsuiIXrucEvD0rhRXZ7I6URWfE8YE8"}""";

        // act
        var parsed = new[] { leverage, settings, expired }.Select(Parse).ToList();

        // assert
        Assert.Equal(
            [
                new AsterAccountConfigUpdate(1611646737479, 1611646737476) { Symbol = Btc, Leverage = 25 },
                new AsterAccountConfigUpdate(1611646737480, 1611646737477) { MultiAssetsMode = true, FeeDeduction = false, HedgeMode = false },
                new AsterListenKeyExpired(1576653824250),
            ],
            parsed);
        Assert.DoesNotContain("OfYGbUzi", parsed[2].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"e":"announcement","E":1,"en":{}}""", "event type 'announcement' is not one this client reads")]
    [InlineData("""{"e":"ORDER_TRADE_UPDATE","E":1,"T":1}""", "field 'o' is missing")]
    [InlineData("""{"e":"ACCOUNT_UPDATE","E":1,"T":1,"a":{"m":"ORDER","B":{}}}""", "field 'B' is not a list")]
    [InlineData("""{"E":1}""", "field 'e' is missing")]
    public void Should_say_what_is_wrong_with_an_event_it_cannot_read(string text, string problem)
    {
        // act
        var refused = Assert.Throws<FormatException>(() => Parse(text));

        // assert
        Assert.Equal(problem, refused.Message);
    }

    private static AsterUserStreamEvent Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return UserPayloads.Parse(document.RootElement);
    }
}
