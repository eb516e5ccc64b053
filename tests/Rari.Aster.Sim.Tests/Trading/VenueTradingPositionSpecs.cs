using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Positions, PnL, trades, income, funding and liquidation through our REST client and the user stream.</summary>
public sealed class VenueTradingPositionSpecs
{
    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_realize_a_round_trips_pnl_to_the_cent(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        var (buyPrice, buyNotional) = Walk(host.Market(TradingHost.Btc), OrderSide.Buy, 0.010m);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "rt-buy"));
        await host.StepAsync(5);
        var held = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();
        var (sellPrice, sellNotional) = Walk(host.Market(TradingHost.Btc), OrderSide.Sell, 0.010m);

        // act
        var sold = (await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, "rt-sell") with { ReduceOnly = true })).Order!;
        var flat = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();
        var trades = await client.GetUserTradesAsync(TradingHost.Btc);
        var income = await client.GetIncomeAsync(TradingHost.Btc);
        var balance = (await client.GetBalancesAsync()).Single();

        // assert: bar 4 closed at 94663.9, so the long marked there and sold into the bid at that price.
        Assert.Equal((94_663.9m, 0.010m * (94_663.9m - buyPrice)), (held.MarkPrice, held.UnRealizedProfit));
        Assert.Equal((94_663.9m, 94_663.9m), (sold.AvgPrice, sellPrice));
        var realized = sellNotional - buyNotional;
        var fees = (buyNotional + sellNotional) * 0.00035m;
        Assert.Equal(-0.329m, realized);
        Assert.Equal(0m, flat.PositionAmt);
        Assert.Equal([(0m, Math.Round(buyNotional * 0.00035m, 8)), (realized, Math.Round(sellNotional * 0.00035m, 8))], trades.Select(t => (t.RealizedPnl, t.Commission)));
        Assert.Equal([true, false], trades.Select(t => t.Buyer));
        Assert.Equal(
            ["COMMISSION", "REALIZED_PNL", "COMMISSION"],
            income.Select(i => i.IncomeType.Raw));
        Assert.Equal(TradingHost.Balance + realized - fees, balance.Balance);
        Assert.Equal(balance.Balance - TradingHost.Balance, income.Sum(i => i.Income));
    }

    [Fact]
    public async Task Should_settle_funding_at_the_funding_time_at_that_moments_price()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V1);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "fund-1"));

        // act: 480 minutes take the clock from 00:00 to 08:00 UTC.
        await host.StepAsync(480);
        var funding = (await client.GetIncomeAsync(TradingHost.Btc, AsterIncomeType.FundingFee)).Single();
        var update = await stream.NextAsync("ACCOUNT_UPDATE", e => e.GetProperty("a").Text("m") == "FUNDING_FEE");

        // assert: a long pays 0.01 % of its notional at the 07:59 bar's close.
        var close = host.Bar(TradingHost.Btc, 479).Close;
        var expected = -0.010m * close * 0.0001m;
        var fundingTime = host.Bar(TradingHost.Btc, 0).OpenTimeMs + (8 * 3_600_000L);
        Assert.Equal((expected, fundingTime, "FUNDING_FEE"), (funding.Income, funding.Time, funding.IncomeType.Raw));
        Assert.Equal(expected, decimal.Parse(update.GetProperty("a").GetProperty("B")[0].Text("bc"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, update.GetProperty("a").GetProperty("P").GetArrayLength());
        Assert.Equal(fundingTime, update.GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task Should_liquidate_an_isolated_position_as_an_autoclose_order_after_a_margin_call()
    {
        // arrange: a 125x isolated short loses its margin once BTC rises about 0.4 %.
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);
        await client.SetMarginTypeAsync(TradingHost.Btc, AsterMarginType.Isolated);
        await client.SetLeverageAsync(TradingHost.Btc, 125);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V3);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, "liq-1"));
        var opened = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();
        var walletBefore = (await client.GetBalancesAsync()).Single().Balance;

        // act
        var position = opened.PositionAmt;
        for (var chunk = 0; chunk < 100 && position != 0m; chunk++)
        {
            await host.StepAsync(30);
            position = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single().PositionAmt;
        }

        var events = await stream.DrainAsync();
        var forced = await client.Transport.SendAsync(
            new AsterRequest(new AsterEndpoint(HttpMethod.Get, "/fapi/v3/forceOrders", "/fapi/v3/forceOrders", EndpointSecurity.Signed, 20, true), new()),
            CancellationToken.None);
        var walletAfter = (await client.GetBalancesAsync()).Single().Balance;
        var audit = await host.OrdersAsync("v3");

        // assert
        Assert.Equal(0m, position);
        var call = events.FindIndex(e => e.Text("e") == "MARGIN_CALL");
        var liquidation = events.FindIndex(e => e.Text("e") == "ORDER_TRADE_UPDATE" && e.Order().Text("x") == "CALCULATED");
        Assert.InRange(call, 0, liquidation - 1);
        Assert.Equal("ISOLATED", events[call].GetProperty("p")[0].Text("mt"));
        var o = events[liquidation].Order();
        Assert.Equal(
            ("autoclose-1", "LIQUIDATION", "LIQUIDATION", "FILLED", "BUY", "0.010"),
            (o.Text("c"), o.Text("o"), o.Text("ot"), o.Text("X"), o.Text("S"), o.Text("z")));
        Assert.Equal("ACCOUNT_UPDATE", events[liquidation + 1].Text("e"));
        var times = events.Select(e => e.GetProperty("E").GetInt64()).ToList();
        Assert.Equal(times.Order(), times);

        // The account loses the margin behind the position, less what rounding the bankruptcy price to the tick in
        // its favour saves it (at most a tick on 0.010 BTC).
        Assert.InRange(walletAfter, walletBefore - opened.IsolatedWallet, walletBefore - opened.IsolatedWallet + 0.001m);
        Assert.Contains("autoclose-1", System.Text.Encoding.UTF8.GetString(forced.Body.Span), StringComparison.Ordinal);
        Assert.True(audit.EnumerateArray().Single(e => e.Text("clientOrderId") == "autoclose-1").GetProperty("liquidation").GetBoolean());
    }
}
