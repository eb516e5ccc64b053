namespace Rari.Domain.Instruments;

// Leverage-bracket lookups: which bracket a position notional falls into and what leverage it allows.
public sealed partial record Instrument
{
    /// <summary>
    /// The bracket whose <c>[NotionalFloor, NotionalCap)</c> contains the notional, or null when the notional is at
    /// or beyond the last cap (no leverage admits a position that large).
    /// </summary>
    /// <param name="notional">Position notional in the quote asset; the sign is ignored, so a short's signed notional works.</param>
    public LeverageBracket? LeverageBracketAt(decimal notional)
    {
        var size = Math.Abs(notional);
        foreach (var bracket in LeverageBrackets)
        {
            if (size < bracket.NotionalCap)
            {
                return bracket;
            }
        }

        return null;
    }

    /// <summary>
    /// The highest leverage allowed for a position of this notional (the bracket's <c>initialLeverage</c>), or 0 when
    /// the notional is beyond the table.
    /// </summary>
    /// <param name="notional">Position notional in the quote asset; the sign is ignored.</param>
    public int MaxLeverageAt(decimal notional) => LeverageBracketAt(notional)?.InitialLeverage ?? 0;

    /// <summary>
    /// The largest position notional allowed at a leverage, Aster's <c>maxNotionalValue</c>: the cap of the last bracket
    /// in the run from notional 0 whose <c>initialLeverage</c> is at least <paramref name="leverage"/>, or 0 when even the
    /// first bracket does not allow it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The leverage is below 1.</exception>
    public decimal MaxNotionalAt(int leverage)
    {
        if (leverage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(leverage), leverage, "Leverage must be at least 1.");
        }

        var cap = 0m;
        foreach (var bracket in LeverageBrackets)
        {
            if (bracket.InitialLeverage < leverage)
            {
                break;
            }

            cap = bracket.NotionalCap;
        }

        return cap;
    }
}
