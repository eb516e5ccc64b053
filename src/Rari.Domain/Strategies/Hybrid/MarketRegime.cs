namespace Rari.Domain.Strategies.Hybrid;

/// <summary>The market's character as the regime detector classifies it. Journaled: values are never renumbered.</summary>
public enum MarketRegime : byte
{
    /// <summary>Not enough data yet to say.</summary>
    Undetermined = 1,

    /// <summary>Price chops within a range: low efficiency and weak directional movement. The grid's market.</summary>
    Ranging = 2,

    /// <summary>Price moves efficiently in one direction with a strong ADX. The volatility strategy's market.</summary>
    Trending = 3,

    /// <summary>Volatility far above its own recent history: reduce exposure, open nothing new.</summary>
    Extreme = 4,
}
