using BenchmarkDotNet.Attributes;
using Rari.Backtest;
using Rari.Backtest.Data;
using Rari.Backtest.Engine;
using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;

namespace Rari.Benchmarks;

/// <summary>
/// The backtest engine on one symbol (10,000 ETHUSDT bars, default settings, risk limits on), per strategy, beside
/// the raw loop over the same bars. Per-bar cost = mean / 10,000.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Bars = 10_000;
    private BarSeries _series = null!;

    /// <summary>The strategy under test.</summary>
    [Params(StrategyKind.Grid, StrategyKind.Volatility, StrategyKind.Hybrid)]
    public StrategyKind Kind { get; set; }

    /// <summary>Loads the bars.</summary>
    [GlobalSetup]
    public void Setup() => _series = new BarSeries(TestInstruments.EthUsdt.Symbol, RecordedBars.EthUsdt[..Bars]);

    /// <summary>One backtest over the bars.</summary>
    [Benchmark]
    public long Backtest()
    {
        var market = BacktestMarket.Create(TestInstruments.EthUsdt, _series, 10, long.MinValue, long.MaxValue, BacktestSettings.Default.WarmUpBars)!;
        var setup = new BacktestSetup([market], BacktestSettings.Default, m => StrategySet.Default.Create(Kind, m.Symbol));
        return new BacktestEngine(setup).Run().Klines;
    }

    /// <summary>The limit: every bar read and its close summed, nothing decided.</summary>
    [Benchmark(Baseline = true)]
    public decimal RawLoop()
    {
        var sum = 0m;
        var bars = _series.Bars;
        for (var i = 0; i < bars.Length; i++)
        {
            sum += bars[i].Close;
        }

        return sum;
    }
}
