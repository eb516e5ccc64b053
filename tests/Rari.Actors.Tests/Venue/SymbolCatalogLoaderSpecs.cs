using Microsoft.Extensions.Logging;
using Rari.Actors.Tests.MarketData;
using Rari.Actors.Venue;
using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Sizing;
using static Rari.Actors.Tests.MarketData.SimVenue;

namespace Rari.Actors.Tests.Venue;

/// <summary>SymbolCatalogLoader against the simulator's REST API.</summary>
public sealed class SymbolCatalogLoaderSpecs
{
    [Fact]
    public async Task Should_set_each_symbols_leverage_as_the_asset_table_says_and_return_its_setup()
    {
        // arrange
        await using var sim = await StartAsync();
        var rest = sim.RestClient();

        // act
        var catalog = await SymbolCatalogLoader.LoadAsync(rest, [Btc, Eth, Sol, Sui], AssetProfileTable.Default);

        // assert: the original tool's table: BTC and ETH 50x, SOL and SUI 25x
        var positions = (await rest.GetPositionRiskAsync()).ToDictionary(p => p.Symbol, p => p.Leverage);
        Assert.Equal([50, 50, 25, 25], new[] { Btc, Eth, Sol, Sui }.Select(s => positions[s.Value]));
        Assert.Equal([50, 50, 25, 25], new[] { Btc, Eth, Sol, Sui }.Select(s => catalog[s].Leverage));
        var btc = catalog[Btc];
        Assert.Equal((0.1m, 0.001m, 5m), (btc.Instrument.PriceFilter.TickSize, btc.Instrument.LotSize.StepSize, btc.Instrument.MinNotional.Notional));
        Assert.Equal((0.0001m, 0.00035m), (btc.MakerFeeRate, btc.TakerFeeRate));
        Assert.Equal(125, btc.Instrument.LeverageBrackets[0].InitialLeverage);
    }

    [Fact]
    public async Task Should_clamp_a_leverage_above_the_symbols_largest_bracket_and_warn()
    {
        // arrange: ETHUSDT allows at most 100x on the venue
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        var assets = new AssetProfileTable([new AssetProfile(Eth, 125, StrategyKind.Grid, VolatilityClass.Medium)], AssetProfileTable.Default.Fallback);
        var logger = new CapturingLogger();

        // act
        var catalog = await SymbolCatalogLoader.LoadAsync(rest, [Eth], assets, logger);

        // assert
        Assert.Equal(100, catalog[Eth].Leverage);
        Assert.Equal(100, (await rest.GetPositionRiskAsync(Eth)).Single().Leverage);
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("ETHUSDT: the asset table asks 125x leverage but the venue allows at most 100x; using 100x", warning.Message);
    }

    [Fact]
    public async Task Should_refuse_a_symbol_the_venue_does_not_list_saying_so()
    {
        // arrange
        await using var sim = await StartAsync();
        var rest = sim.RestClient();

        // act
        var error = await Assert.ThrowsAsync<SymbolCatalogException>(() =>
            SymbolCatalogLoader.LoadAsync(rest, [Btc, new Symbol("XRPUSDT"), new Symbol("DOGEUSDT")], AssetProfileTable.Default));

        // assert: both named at once, and nothing was changed on the account
        Assert.Equal(
            ["XRPUSDT is not listed on the venue: remove it from --symbols (or rari.symbols), or check its spelling.",
             "DOGEUSDT is not listed on the venue: remove it from --symbols (or rari.symbols), or check its spelling."],
            error.Problems);
        Assert.Contains("(2 problems)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.Server.Requests.Snapshot("/leverage"), r => !r.Path.Contains("Bracket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_report_a_refused_leverage_with_the_venues_code_and_message()
    {
        // arrange: a one-BTC long (about 95,000 USDT) is more than 125x allows (50,000)
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        await sim.StepAsync();
        await rest.PlaceOrderAsync(new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Buy,
            Type = AsterOrderType.Market,
            Quantity = 1m,
            ClientOrderId = new ClientOrderId("catalog-spec-1"),
        });
        var assets = new AssetProfileTable([new AssetProfile(Btc, 125, StrategyKind.Grid, VolatilityClass.Medium)], AssetProfileTable.Default.Fallback);

        // act
        var error = await Assert.ThrowsAsync<SymbolCatalogException>(() => SymbolCatalogLoader.LoadAsync(rest, [Btc, Eth], assets));

        // assert: only BTC is refused; ETH was set up
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("BTCUSDT: the venue refused leverage 125x (code -2027: ", problem, StringComparison.Ordinal);
        Assert.EndsWith("lower rari.assets.BTCUSDT.leverage, or reduce the symbol's open position first.", problem, StringComparison.Ordinal);
        Assert.Equal(5, (await rest.GetPositionRiskAsync(Eth)).Single().Leverage);
    }

    [Fact]
    public async Task Should_switch_a_hedge_mode_account_to_one_way_mode()
    {
        // arrange
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        await rest.SetHedgeModeAsync(true);

        // act
        await SymbolCatalogLoader.LoadAsync(rest, [Sol], AssetProfileTable.Default);

        // assert
        Assert.False(await rest.GetHedgeModeAsync());
    }

    [Fact]
    public async Task Should_say_what_to_do_when_hedge_mode_cannot_be_left()
    {
        // arrange: an open hedge-mode position keeps the account in hedge mode
        await using var sim = await StartAsync();
        var rest = sim.RestClient();
        await sim.StepAsync();
        await rest.SetHedgeModeAsync(true);
        await rest.PlaceOrderAsync(new NewOrderRequest
        {
            Symbol = Sui,
            Side = OrderSide.Buy,
            Type = AsterOrderType.Market,
            Quantity = 10m,
            PositionSide = PositionSide.Long,
            ClientOrderId = new ClientOrderId("catalog-spec-2"),
        });

        // act
        var error = await Assert.ThrowsAsync<SymbolCatalogException>(() => SymbolCatalogLoader.LoadAsync(rest, [Sui], AssetProfileTable.Default));

        // assert
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("the account is in hedge (dual-side) position mode and could not be switched to one-way mode (code -4068: Position side cannot be changed if there exists position.)", problem, StringComparison.Ordinal);
        Assert.Contains("Close every position and cancel every open order", problem, StringComparison.Ordinal);
    }
}
