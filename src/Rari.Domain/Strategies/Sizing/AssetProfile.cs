using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies.Sizing;

/// <summary>Which strategy an asset is meant to run. Journaled and configured: values are never renumbered.</summary>
public enum StrategyKind : byte
{
    /// <summary>The grid: ladders of limit orders that earn in a ranging market.</summary>
    Grid = 1,

    /// <summary>The volatility strategy: momentum breakouts and mean-reversion entries with stops.</summary>
    Volatility = 2,

    /// <summary>The hybrid: grid while ranging, volatility while trending, standing aside in extremes.</summary>
    Hybrid = 3,
}

/// <summary>How violent an asset's moves are, as the original tool classed them. Values are never renumbered.</summary>
public enum VolatilityClass : byte
{
    /// <summary>Large, liquid assets (BTC, ETH, ASTER).</summary>
    Medium = 1,

    /// <summary>Alt-coins with frequent large swings (SOL, SUI).</summary>
    High = 2,

    /// <summary>Meme tokens and thin books (PENGU).</summary>
    Extreme = 3,
}

/// <summary>
/// Per-asset trading defaults: the leverage to set on the symbol, the strategy it should run and how volatile it is.
/// </summary>
/// <remarks>Each property validates its value when set, through the constructor or a <c>with</c> expression.</remarks>
public sealed record AssetProfile
{
    /// <summary>The highest leverage Aster offers on any symbol.</summary>
    public const int MaxLeverage = 125;

    /// <summary>Creates a profile, validating every field.</summary>
    /// <param name="symbol">The symbol the profile is for.</param>
    /// <param name="leverage">Leverage to set on the symbol, 1-125.</param>
    /// <param name="preferredStrategy">The strategy the asset runs unless the operator says otherwise.</param>
    /// <param name="volatility">How violent the asset's moves are.</param>
    /// <exception cref="ArgumentException">A field is invalid; the message names it.</exception>
    public AssetProfile(Symbol symbol, int leverage, StrategyKind preferredStrategy, VolatilityClass volatility)
    {
        Symbol = symbol;
        Leverage = leverage;
        PreferredStrategy = preferredStrategy;
        Volatility = volatility;
    }

    /// <summary>The symbol the profile is for.</summary>
    public Symbol Symbol
    {
        get;
        init => field = value.Value is not null ? value : throw new ArgumentException("The profile needs a symbol.", nameof(Symbol));
    }

    /// <summary>Leverage to set on the symbol, 1-125.</summary>
    public int Leverage
    {
        get;
        init => field = value is >= 1 and <= MaxLeverage
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Leverage), value, $"Leverage must be 1-{MaxLeverage}.");
    }

    /// <summary>The strategy the asset runs unless the operator says otherwise.</summary>
    public StrategyKind PreferredStrategy
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PreferredStrategy), value, "Unknown strategy kind.");
    }

    /// <summary>How violent the asset's moves are.</summary>
    public VolatilityClass Volatility
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Volatility), value, "Unknown volatility class.");
    }
}
