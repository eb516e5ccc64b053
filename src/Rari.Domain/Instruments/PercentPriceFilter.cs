namespace Rari.Domain.Instruments;

/// <summary>
/// Aster's <c>PERCENT_PRICE</c>: how far a limit price may be from the mark price. A BUY price must be
/// ≤ mark × <see cref="MultiplierUp"/>; a SELL price must be ≥ mark × <see cref="MultiplierDown"/>.
/// </summary>
/// <remarks>
/// The band protects against fat-finger limit prices. MARKET orders are bounded differently (the best counter price,
/// −4131, and the symbol's <c>marketTakeBound</c>), which needs the order book and is the matching engine's job.
/// </remarks>
public sealed record PercentPriceFilter
{
    /// <summary>Creates the filter, checking that the band contains the mark price.</summary>
    /// <param name="multiplierUp">Upper multiplier (<c>multiplierUp</c>), at least 1, e.g. 1.05.</param>
    /// <param name="multiplierDown">Lower multiplier (<c>multiplierDown</c>), from 0 to 1, e.g. 0.95.</param>
    /// <param name="multiplierDecimal">Decimals the venue uses to express the multipliers (<c>multiplierDecimal</c>, e.g. 4).</param>
    /// <exception cref="ArgumentOutOfRangeException">A multiplier is outside its range, or the decimals are negative.</exception>
    public PercentPriceFilter(decimal multiplierUp, decimal multiplierDown, int multiplierDecimal)
    {
        if (multiplierUp < 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(multiplierUp), multiplierUp, "PERCENT_PRICE multiplierUp must be at least 1, or a BUY at the mark price would be rejected.");
        }

        if (multiplierDown is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(multiplierDown), multiplierDown, "PERCENT_PRICE multiplierDown must be between 0 and 1, or a SELL at the mark price would be rejected.");
        }

        if (multiplierDecimal < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiplierDecimal), multiplierDecimal, "PERCENT_PRICE multiplierDecimal must not be negative.");
        }

        MultiplierUp = multiplierUp;
        MultiplierDown = multiplierDown;
        MultiplierDecimal = multiplierDecimal;
    }

    /// <summary>A BUY limit price may be at most mark × this.</summary>
    public decimal MultiplierUp { get; }

    /// <summary>A SELL limit price may be at least mark × this.</summary>
    public decimal MultiplierDown { get; }

    /// <summary>Decimals the venue uses for the multipliers; carried for exchangeInfo fidelity, not used by the rule.</summary>
    public int MultiplierDecimal { get; }

    /// <summary>The highest BUY price allowed at this mark price (before tick rounding).</summary>
    public decimal HighestBuyPrice(decimal markPrice) => markPrice * MultiplierUp;

    /// <summary>The lowest SELL price allowed at this mark price (before tick rounding).</summary>
    public decimal LowestSellPrice(decimal markPrice) => markPrice * MultiplierDown;
}
