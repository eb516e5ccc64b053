using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// Where the hybrid strategy learns the market regime: <see cref="RegimeDetector"/> in production, a scripted source in
/// tests. Market state: updated from closed bars, never journaled, rebuilt by warm-up.
/// </summary>
public interface IRegimeSource
{
    /// <summary>The regime after the latest bar.</summary>
    MarketRegime Regime { get; }

    /// <summary>Takes one closed input bar (the hybrid's bars, normally 1-minute). Must not allocate.</summary>
    void Update(in Kline closedKline);

    /// <summary>Why the regime is what it is, with the numbers, for the switch's audit reason. May allocate.</summary>
    string Describe();
}
