using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.Node.Backtesting;
using Rari.Node.Configuration;

namespace Rari.Node.Benchmarks;

/// <summary>
/// Builds backtest setups for the benchmarks from the reference configuration (<c>hocon/rari.conf</c>) and the
/// simulator's instruments, as <c>rari backtest</c> builds them, with optional <c>--set</c>-style overrides.
/// </summary>
internal sealed class BenchBacktests
{
    private readonly Config _reference = RariConfig.Load(ConfigFiles.ReferencePath());
    private readonly InstrumentCatalog _catalog = new();

    /// <summary>The composed configuration with <paramref name="overrides"/> (<c>grid.levels=12</c>) over the reference.</summary>
    public BacktestConfiguration Configuration(params string[] overrides)
    {
        var parsed = new List<ConfigOverride>(overrides.Length);
        foreach (var text in overrides)
        {
            parsed.Add(ConfigOverride.Parse(text));
        }

        return BacktestConfiguration.Create(RariConfig.Compose(_reference, null, parsed));
    }

    /// <summary>A setup trading every bar of <paramref name="series"/> (after the warm-up) with one strategy kind.</summary>
    public BacktestSetup Setup(IReadOnlyList<BarSeries> series, StrategyKind kind, BacktestConfiguration configuration)
    {
        var settings = configuration.Backtest;
        var assets = configuration.Rari.Assets;
        var markets = new List<BacktestMarket>(series.Count);
        foreach (var bars in series)
        {
            var (instrument, _) = _catalog.For(bars);
            var market = BacktestMarket.Create(instrument, bars, assets.For(bars.Symbol).Leverage, long.MinValue, long.MaxValue, settings.WarmUpBars)
                ?? throw new InvalidDataException($"{bars.Symbol}: fewer bars ({bars.Count}) than the warm-up ({settings.WarmUpBars}).");
            markets.Add(market);
        }

        var strategies = new StrategySet(configuration.Rari.Grid, configuration.Rari.Volatility, configuration.Rari.Hybrid);
        return new BacktestSetup(markets, settings, market => strategies.Create(kind, market.Symbol))
        {
            Title = $"bench {kind}",
            Assets = assets,
        };
    }
}
