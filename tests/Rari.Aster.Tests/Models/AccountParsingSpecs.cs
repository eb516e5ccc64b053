using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Models;

public sealed class AccountParsingSpecs
{
    private const string BracketsJson = """
        {"symbol":"ETHUSDT","brackets":[
          {"bracket":1,"initialLeverage":75,"notionalCap":10000,"notionalFloor":0,"maintMarginRatio":0.0065,"cum":0},
          {"bracket":2,"initialLeverage":50,"notionalCap":"50000","notionalFloor":"10000","maintMarginRatio":"0.01","cum":"35"}]}
        """;

    [Fact]
    public void Should_read_position_risk_with_numbers_and_flags_as_text()
    {
        // arrange
        const string Body = """
            [{"entryPrice":"0.00000","marginType":"isolated","isAutoAddMargin":"false","isolatedMargin":"0.00000000","leverage":"10",
              "liquidationPrice":"0","markPrice":"6679.50671178","maxNotionalValue":"20000000","positionAmt":"-0.010","symbol":"BTCUSDT",
              "unRealizedProfit":"0.00000000","positionSide":"BOTH","updateTime":0,"notional":"-66.795","isolatedWallet":"0"},
             {"entryPrice":"6563.66500","marginType":"cross","isAutoAddMargin":"true","isolatedMargin":"15517.54150468","leverage":"10",
              "liquidationPrice":"5930.78","markPrice":"6679.50671178","maxNotionalValue":"20000000","positionAmt":"20.000","symbol":"BTCUSDT",
              "unRealizedProfit":"2316.83423560","positionSide":"LONG","updateTime":1625474304765}]
            """;

        // act
        var positions = AsterJson.Deserialize<IReadOnlyList<AsterPositionRisk>>(Body.AsBytes());

        // assert
        Assert.True(positions[0].MarginType.Is(AsterMarginType.Isolated));
        Assert.False(positions[0].IsAutoAddMargin);
        Assert.Equal(10, positions[0].Leverage);
        Assert.Equal(-0.010m, positions[0].PositionAmt);
        Assert.Equal(-66.795m, positions[0].Notional);
        Assert.True(positions[1].MarginType.Is(AsterMarginType.Crossed)); // "cross", as positionRisk spells it
        Assert.True(positions[1].IsAutoAddMargin);
        Assert.True(positions[1].PositionSide.Is(PositionSide.Long));
        Assert.Equal(2316.83423560m, positions[1].UnRealizedProfit);
        Assert.Equal(5930.78m, positions[1].LiquidationPrice);
    }

    [Fact]
    public void Should_read_balances_and_the_account()
    {
        // arrange
        const string Balances = """
            [{"accountAlias":"SgsR","asset":"USDT","balance":"122607.35137903","crossWalletBalance":"23.72469206","crossUnPnl":"0.00000000",
              "availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206","marginAvailable":true,"updateTime":1617939110373}]
            """;
        const string Account = """
            {"feeTier":0,"canTrade":true,"canDeposit":true,"canWithdraw":true,"updateTime":0,"totalInitialMargin":"0.00000000",
             "totalMaintMargin":"0.00000000","totalWalletBalance":"23.72469206","totalUnrealizedProfit":"0.00000000",
             "totalMarginBalance":"23.72469206","totalPositionInitialMargin":"0.00000000","totalOpenOrderInitialMargin":"0.00000000",
             "totalCrossWalletBalance":"23.72469206","totalCrossUnPnl":"0.00000000","availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206",
             "assets":[{"asset":"USDT","walletBalance":"23.72469206","unrealizedProfit":"0.00000000","marginBalance":"23.72469206",
               "maintMargin":"0.00000000","initialMargin":"0.00000000","positionInitialMargin":"0.00000000","openOrderInitialMargin":"0.00000000",
               "crossWalletBalance":"23.72469206","crossUnPnl":"0.00000000","availableBalance":"23.72469206","maxWithdrawAmount":"23.72469206",
               "marginAvailable":true,"updateTime":1625474304765}],
             "positions":[{"symbol":"BTCUSDT","initialMargin":"0","maintMargin":"0","unrealizedProfit":"0.00000000","positionInitialMargin":"0",
               "openOrderInitialMargin":"0","leverage":"100","isolated":true,"entryPrice":"0.00000","maxNotional":"250000",
               "positionSide":"BOTH","positionAmt":"0","updateTime":0}]}
            """;

        // act
        var balance = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterBalance>>(Balances.AsBytes()));
        var account = AsterJson.Deserialize<AsterAccount>(Account.AsBytes());

        // assert
        Assert.Equal(122607.35137903m, balance.Balance);
        Assert.Equal(23.72469206m, balance.AvailableBalance);
        Assert.True(balance.MarginAvailable);
        Assert.Equal(23.72469206m, account.TotalWalletBalance);
        Assert.True(account.CanTrade);
        Assert.Equal(23.72469206m, Assert.Single(account.Assets).WalletBalance);
        var position = Assert.Single(account.Positions);
        Assert.Equal(100, position.Leverage);
        Assert.True(position.Isolated);
        Assert.Equal(250000m, position.MaxNotional);
    }

    [Fact]
    public void Should_read_user_trades_income_and_commission()
    {
        // arrange
        const string Trades = """
            [{"buyer":false,"commission":"-0.07819010","commissionAsset":"USDT","id":698759,"maker":false,"orderId":25851813,
              "price":"7819.01","qty":"0.002","quoteQty":"15.63802","realizedPnl":"-0.91539999","side":"SELL","positionSide":"SHORT",
              "symbol":"BTCUSDT","time":1569514978020}]
            """;
        const string Income = """
            [{"symbol":"","incomeType":"TRANSFER","income":"-0.37500000","asset":"USDT","info":"TRANSFER","time":1570608000000,"tranId":9689322392,"tradeId":""},
             {"symbol":"BTCUSDT","incomeType":"COMMISSION","income":"-0.01000000","asset":"USDT","info":"COMMISSION","time":1570636800000,"tranId":9689322392,"tradeId":2059192},
             {"symbol":"BTCUSDT","incomeType":"AIRDROP","income":"1","asset":"USDT","info":"","time":1570636800001,"tranId":1,"tradeId":""}]
            """;

        // act
        var trade = Assert.Single(AsterJson.Deserialize<IReadOnlyList<AsterUserTrade>>(Trades.AsBytes()));
        var income = AsterJson.Deserialize<IReadOnlyList<AsterIncome>>(Income.AsBytes());
        var rate = AsterJson.Deserialize<AsterCommissionRate>("""{"symbol":"BTCUSDT","makerCommissionRate":"0.0002","takerCommissionRate":"0.0004"}""".AsBytes());

        // assert
        Assert.Equal(-0.07819010m, trade.Commission);
        Assert.Equal(-0.91539999m, trade.RealizedPnl);
        Assert.True(trade.Side.Is(OrderSide.Sell));
        Assert.Equal(25851813, trade.OrderId);
        Assert.True(income[0].IncomeType.Is(AsterIncomeType.Transfer));
        Assert.Equal(string.Empty, income[0].TradeId);
        Assert.Equal("2059192", income[1].TradeId); // a number, kept as text
        Assert.False(income[2].IncomeType.IsKnown);
        Assert.Equal("AIRDROP", income[2].IncomeType.Raw);
        Assert.Equal(0.0002m, rate.MakerCommissionRate);
        Assert.Equal(0.0004m, rate.TakerCommissionRate);
    }

    [Fact]
    public void Should_turn_brackets_into_the_domains_table()
    {
        // act
        var brackets = AsterJson.Deserialize<AsterSymbolBrackets>(BracketsJson.AsBytes()).ToDomain();

        // assert
        Assert.Equal([new LeverageBracket(1, 75, 0m, 10_000m, 0.0065m, 0m), new LeverageBracket(2, 50, 10_000m, 50_000m, 0.01m, 35m)], brackets);
    }

    [Fact]
    public async Task Should_read_leverage_brackets_as_an_array_or_as_the_single_object_sent_for_one_symbol()
    {
        // arrange
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Parameter("symbol") is null
            ? ScriptedResponse.Json($"[{BracketsJson},{BracketsJson.Replace("ETHUSDT", "BTCUSDT", StringComparison.Ordinal)}]")
            : ScriptedResponse.Json(BracketsJson)));
        using var client = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.SelfSigned));

        // act
        var all = await client.GetLeverageBracketsAsync();
        var one = await client.GetLeverageBracketsAsync(new Rari.Domain.Identifiers.Symbol("ETHUSDT"));

        // assert
        Assert.Equal(["ETHUSDT", "BTCUSDT"], all.Select(b => b.Symbol));
        Assert.Equal("ETHUSDT", Assert.Single(one).Symbol);
        Assert.Equal(2, one[0].Brackets.Count);
    }
}
