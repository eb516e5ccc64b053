using BenchmarkDotNet.Attributes;
using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Benchmarks;

/// <summary>The incremental indicators the strategies update on every bar, over 10,000 bars each (zero allocation expected).</summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private Kline[] _bars = null!;

    /// <summary>Loads the bars.</summary>
    [GlobalSetup]
    public void Setup() => _bars = RecordedBars.EthUsdt[..10_000];

    /// <summary>Average true range (14).</summary>
    [Benchmark]
    public double AverageTrueRange()
    {
        var atr = new AverageTrueRange(14);
        foreach (var bar in _bars)
        {
            atr.Update(bar);
        }

        return atr.Value;
    }

    /// <summary>Realized volatility (60 bars).</summary>
    [Benchmark]
    public double RealizedVolatility()
    {
        var volatility = new RealizedVolatility(60, TimeSpan.FromMinutes(1));
        foreach (var bar in _bars)
        {
            volatility.Update(bar);
        }

        return volatility.Value;
    }

    /// <summary>ADX (14), which the hybrid's regime detector reads.</summary>
    [Benchmark]
    public double AverageDirectionalIndex()
    {
        var adx = new AverageDirectionalIndex(14);
        foreach (var bar in _bars)
        {
            adx.Update(bar);
        }

        return adx.Value;
    }
}
