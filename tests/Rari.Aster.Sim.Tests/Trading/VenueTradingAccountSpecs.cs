using System.Text.Json;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Tests.Support;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Account reads and settings through our REST client (V1 and V3) and raw V1 requests.</summary>
public sealed class VenueTradingAccountSpecs
{
    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_serve_exchange_info_balance_and_account_to_both_families(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);

        // act
        var info = await client.GetExchangeInfoAsync();
        var balance = (await client.GetBalancesAsync()).Single();
        var account = await client.GetAccountAsync();
        var fees = await client.GetCommissionRateAsync(TradingHost.Btc);

        // assert
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT"], info.Symbols.Select(s => s.Symbol).Order());
        Assert.Equal(("USDT", TradingHost.Balance, TradingHost.Balance, TradingHost.Balance), (balance.Asset, balance.Balance, balance.AvailableBalance, balance.MaxWithdrawAmount));
        Assert.Equal(host.Bar(TradingHost.Btc, 0).OpenTimeMs, balance.UpdateTime);
        Assert.Equal((TradingHost.Balance, TradingHost.Balance, 0m), (account.TotalWalletBalance, account.AvailableBalance, account.TotalInitialMargin));
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "SUIUSDT"], account.Positions.Select(p => p.Symbol));
        Assert.All(account.Positions, p => Assert.Equal(("BOTH", 20, 0m), (p.PositionSide.Raw, p.Leverage, p.PositionAmt)));
        Assert.Equal((0.0001m, 0.00035m), (fees.MakerCommissionRate, fees.TakerCommissionRate));
    }

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_change_leverage_and_announce_it_on_the_user_stream(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        await using var stream = await host.UserStreamAsync(version);

        // act
        var changed = await client.SetLeverageAsync(TradingHost.Btc, 10);
        var announced = await stream.NextAsync("ACCOUNT_CONFIG_UPDATE");
        var risk = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();

        // assert
        Assert.Equal(("BTCUSDT", 10), (changed.Symbol, changed.Leverage));
        Assert.Equal(host.Market(TradingHost.Btc).Spec.Instrument.MaxNotionalAt(10), changed.MaxNotionalValue);
        Assert.Equal("""{"s":"BTCUSDT","l":10}""", announced.GetProperty("ac").GetRawText());
        Assert.Equal((10, changed.MaxNotionalValue), (risk.Leverage, risk.MaxNotionalValue));
    }

    [Fact]
    public async Task Should_switch_margin_type_and_refuse_needless_or_blocked_changes()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);

        // act
        var switched = await client.SetMarginTypeAsync(TradingHost.Btc, AsterMarginType.Isolated);
        var needless = await Assert.ThrowsAsync<AsterApiException>(() => client.SetMarginTypeAsync(TradingHost.Btc, AsterMarginType.Isolated));
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "mt-1"));
        var blocked = await Assert.ThrowsAsync<AsterApiException>(() => client.SetMarginTypeAsync(TradingHost.Btc, AsterMarginType.Crossed));
        var risk = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();

        // assert
        Assert.Equal(("200", "success"), (switched.Code, switched.Msg));
        Assert.Equal(-4046, needless.Code);
        Assert.Equal(-4047, blocked.Code);
        Assert.Equal("isolated", risk.MarginType.Raw);
    }

    [Fact]
    public async Task Should_switch_position_mode_and_announce_it()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V1);

        // act
        var before = await client.GetHedgeModeAsync();
        await client.SetHedgeModeAsync(true);
        var announced = await stream.NextAsync("ACCOUNT_CONFIG_UPDATE");
        var needless = await Assert.ThrowsAsync<AsterApiException>(() => client.SetHedgeModeAsync(true));
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "pm-1") with { PositionSide = PositionSide.Long });
        var blocked = await Assert.ThrowsAsync<AsterApiException>(() => client.SetHedgeModeAsync(false));
        var rows = await client.GetPositionRiskAsync(TradingHost.Btc);

        // assert
        Assert.False(before);
        Assert.Equal("""{"j":false,"f":false,"d":true}""", announced.GetProperty("ai").GetRawText());
        Assert.Equal(-4059, needless.Code);
        Assert.Equal(-4067, blocked.Code);
        Assert.Equal(["LONG", "SHORT"], rows.Select(r => r.PositionSide.Raw));
    }

    [Fact]
    public async Task Should_move_isolated_margin_and_list_the_moves()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await client.SetMarginTypeAsync(TradingHost.Btc, AsterMarginType.Isolated);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "iso-1"));
        var opened = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();

        // act
        var added = await client.ChangePositionMarginAsync(TradingHost.Btc, 100m, AsterMarginChange.Add);
        var removed = await client.ChangePositionMarginAsync(TradingHost.Btc, 40m, AsterMarginChange.Reduce);
        var after = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();
        var (_, history, _) = await host.Sim.SignedAsync(HttpMethod.Get, "/fapi/v1/positionMargin/history", "symbol=BTCUSDT");

        // assert
        Assert.Equal((100m, 1, "Successfully modify position margin."), (added.Amount, added.Type, added.Msg));
        Assert.Equal((40m, 2), (removed.Amount, removed.Type));
        Assert.Equal(opened.IsolatedWallet + 60m, after.IsolatedWallet);
        Assert.Equal(
            [("100.00000000", 1, "BOTH"), ("40.00000000", 2, "BOTH")],
            history.EnumerateArray().Select(m => (m.Text("amount"), m.GetProperty("type").GetInt32(), m.Text("positionSide"))));
    }

    [Fact]
    public async Task Should_move_usdt_in_and_out_with_a_transfer()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V1);

        // act
        var (inStatus, deposit, _) = await host.Sim.SignedAsync(HttpMethod.Post, "/fapi/v1/asset/wallet/transfer", "amount=500&asset=USDT&clientTranId=t-1&kindType=SPOT_FUTURE");
        var (_, withdrawal, _) = await host.Sim.SignedAsync(HttpMethod.Post, "/fapi/v1/asset/wallet/transfer", "amount=200&asset=USDT&clientTranId=t-2&kindType=FUTURE_SPOT");
        var (_, duplicate, _) = await host.Sim.SignedAsync(HttpMethod.Post, "/fapi/v1/asset/wallet/transfer", "amount=1&asset=USDT&clientTranId=t-1&kindType=SPOT_FUTURE");
        var (_, otherAsset, _) = await host.Sim.SignedAsync(HttpMethod.Post, "/fapi/v1/asset/wallet/transfer", "amount=1&asset=BTC&clientTranId=t-3&kindType=SPOT_FUTURE");
        var update = await stream.NextAsync("ACCOUNT_UPDATE");
        var balance = (await client.GetBalancesAsync()).Single();
        var income = await client.GetIncomeAsync(incomeType: AsterIncomeType.Transfer);

        // assert
        Assert.Equal(200, inStatus);
        Assert.Equal("SUCCESS", deposit.Text("status"));
        Assert.NotEqual(deposit.GetProperty("tranId").GetInt64(), withdrawal.GetProperty("tranId").GetInt64());
        Assert.Equal(-4115, duplicate.GetProperty("code").GetInt32());
        Assert.Equal(-1108, otherAsset.GetProperty("code").GetInt32());
        Assert.Equal("DEPOSIT", update.GetProperty("a").Text("m"));
        Assert.Equal("500.00000000", update.GetProperty("a").GetProperty("B")[0].Text("bc"));
        Assert.Equal(TradingHost.Balance + 300m, balance.Balance);
        Assert.Equal([500m, -200m], income.Select(i => i.Income));
    }

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_answer_the_modes_and_reads_the_venue_has_no_engine_for(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "adl-1"));

        // act
        var multiAssets = await host.RawAsync(version, HttpMethod.Get, "multiAssetsMargin");
        var singleAsset = await host.RawAsync(version, HttpMethod.Post, "multiAssetsMargin", "multiAssetsMargin=false");
        var noMultiAssets = await host.RawAsync(version, HttpMethod.Post, "multiAssetsMargin", "multiAssetsMargin=true");
        var adl = await host.RawAsync(version, HttpMethod.Get, "adlQuantile");
        var forced = await host.RawAsync(version, HttpMethod.Get, "forceOrders", "symbol=BTCUSDT");
        var modify = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Put, "/fapi/v3/order", "symbol=BTCUSDT&orderId=1&quantity=0.01&price=90000");
        var chase = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Post, "/fapi/v3/chase", "symbol=BTCUSDT&side=BUY&quantity=0.01");

        // assert
        Assert.Equal("""{"multiAssetsMargin":false}""", multiAssets.GetRawText());
        Assert.Equal("""{"code":200,"msg":"success"}""", singleAsset.GetRawText());
        Assert.Equal(-1020, noMultiAssets.GetProperty("code").GetInt32());
        Assert.Equal("""[{"symbol":"BTCUSDT","adlQuantile":{"LONG":0,"SHORT":0,"BOTH":0}}]""", adl.GetRawText());
        Assert.Equal(0, forced.GetArrayLength());
        Assert.Equal(-1020, modify.GetProperty("code").GetInt32());
        Assert.Equal(-1020, chase.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_keep_the_stp_mode_and_tell_what_the_leverage_still_allows()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "stp-1"));

        // act
        var defaultMode = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Get, "stpMode");
        var changed = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Post, "stpMode", "stpMode=EXPIRE_BOTH");
        var mode = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Get, "stpMode");
        var invalid = await host.RawAsync(AsterApiVersion.V3, HttpMethod.Post, "stpMode", "stpMode=SOMETIMES");
        var remaining = await host.RawAsync(AsterApiVersion.V1, HttpMethod.Get, "remainingOpenableNotionalValue", "symbol=BTCUSDT&leverage=125");

        // assert
        Assert.Equal("""{"stpMode":"EXPIRE_TAKER"}""", defaultMode.GetRawText());
        Assert.Equal("""{"code":200,"msg":"success"}""", changed.GetRawText());
        Assert.Equal("""{"stpMode":"EXPIRE_BOTH"}""", mode.GetRawText());
        Assert.Equal(-1130, invalid.GetProperty("code").GetInt32());

        // 125x reaches 50,000 USDT of notional; the 0.010 BTC long holds 946.967 of it at the mark.
        Assert.Equal(49_053.033m, remaining.GetProperty("remainingOpenableNotionalValue").GetDecimal());
    }
}
