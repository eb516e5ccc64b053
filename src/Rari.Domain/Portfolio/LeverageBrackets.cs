using Rari.Domain.Instruments;

namespace Rari.Domain.Portfolio;

/// <summary>Looks up a symbol's maintenance-margin bracket and applies it.</summary>
public static class LeverageBrackets
{
    /// <summary>The bracket whose <c>[NotionalFloor, NotionalCap)</c> contains <paramref name="notional"/>.</summary>
    /// <remarks>
    /// The table must be sorted by floor, as the exchange returns it. A notional at or above the last cap uses the
    /// last bracket, the one the exchange applies to its largest positions.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The table is empty.</exception>
    public static LeverageBracket Containing(IReadOnlyList<LeverageBracket> table, decimal notional)
    {
        var count = table.Count;
        if (count == 0)
        {
            throw new InvalidOperationException("The leverage bracket table is empty; maintenance margin needs at least one bracket.");
        }

        for (var i = 0; i < count; i++)
        {
            var bracket = table[i];
            if (notional < bracket.NotionalCap)
            {
                return bracket;
            }
        }

        return table[count - 1];
    }

    /// <summary>Maintenance margin of a position of this notional: <c>notional × maintMarginRatio − cum</c>.</summary>
    public static decimal MaintenanceMargin(IReadOnlyList<LeverageBracket> table, decimal notional)
    {
        var bracket = Containing(table, notional);
        return (notional * bracket.MaintMarginRatio) - bracket.Cum;
    }

    /// <summary>Checks that a table is usable: not empty, floors ascending, each floor below its cap.</summary>
    /// <exception cref="ArgumentException">The table is empty or out of order.</exception>
    public static IReadOnlyList<LeverageBracket> Validate(IReadOnlyList<LeverageBracket>? table, string symbol)
    {
        if (table is null || table.Count == 0)
        {
            throw new ArgumentException($"No leverage brackets were given for {symbol}; maintenance margin needs at least one.", nameof(table));
        }

        for (var i = 0; i < table.Count; i++)
        {
            var bracket = table[i];
            if (bracket.NotionalFloor >= bracket.NotionalCap || bracket.MaintMarginRatio < 0m)
            {
                throw new ArgumentException(
                    $"Leverage bracket {bracket.Bracket} of {symbol} is invalid: floor {bracket.NotionalFloor} must be below cap {bracket.NotionalCap} and the ratio {bracket.MaintMarginRatio} must not be negative.",
                    nameof(table));
            }

            if (i > 0 && bracket.NotionalFloor < table[i - 1].NotionalCap)
            {
                throw new ArgumentException(
                    $"Leverage brackets of {symbol} overlap or are out of order: bracket {bracket.Bracket} starts at {bracket.NotionalFloor}, before the previous cap {table[i - 1].NotionalCap}.",
                    nameof(table));
            }
        }

        return table;
    }
}
