using Rari.Backtest.Engine;
using Rari.Backtest.Results;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Backtest.Tests.Engine;

/// <summary>One backtest per strategy over a few days of real data, run once per test run and shared by the specs.</summary>
public sealed class StrategyRuns
{
    private static readonly Lazy<StrategyRuns> SharedRuns = new(() => new StrategyRuns());

    private StrategyRuns()
    {
        Runs = new Dictionary<StrategyKind, Run>
        {
            // ETH's May 2025 breakout week: a 0.5 % grid cycles many rungs.
            [StrategyKind.Grid] = Execute(
                StrategyKind.Grid,
                Backtests.Market(Backtests.EthBreakout, days: 4, offsetDays: 2, leverage: 10),
                StrategySet.Default with { Grid = StrategySet.Default.Grid with { Spacing = 0.005m } }),

            // BTC's quiet July 2023 range: breakouts and mean reversion both fire.
            [StrategyKind.Volatility] = Execute(StrategyKind.Volatility, Backtests.Market(Backtests.BtcRange, days: 4, leverage: 10)),

            // SOL's May 2025: the regime detector needs ~28 h of 1-minute bars before it classifies.
            [StrategyKind.Hybrid] = Execute(StrategyKind.Hybrid, Backtests.Market(Backtests.SolBreakout, days: 5, offsetDays: 2, leverage: 10, warmUpBars: 1_800)),
        };
    }

    public static StrategyRuns Shared => SharedRuns.Value;

    public IReadOnlyDictionary<StrategyKind, Run> Runs { get; }

    public static TheoryData<StrategyKind> Kinds => [StrategyKind.Grid, StrategyKind.Volatility, StrategyKind.Hybrid];

    private static Run Execute(StrategyKind kind, BacktestMarket market, StrategySet? strategies = null)
    {
        var observer = new InvariantObserver(Backtests.Instruments);
        var engine = new BacktestEngine(Backtests.Setup(kind, [market], strategies, observer: observer));
        var result = engine.Run();
        return new Run(market, engine, result, observer);
    }

    public sealed record Run(BacktestMarket Market, BacktestEngine Engine, BacktestResult Result, InvariantObserver Observer);
}
