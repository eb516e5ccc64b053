namespace Rari.Domain.Instruments;

/// <summary>
/// Aster's <c>MIN_NOTIONAL</c>: the smallest order value, price × quantity in the quote asset (USDT).
/// </summary>
/// <remarks>
/// MARKET orders are valued at the mark price; reduce-only orders are exempt (Aster's −4164 text says
/// "unless you choose reduce only"). The exchangeInfo key is <c>notional</c> in the docs and <c>minNotional</c> in
/// real responses.
/// </remarks>
public sealed record MinNotionalFilter
{
    /// <summary>Creates the filter.</summary>
    /// <param name="notional">Smallest order value in the quote asset, e.g. 5 USDT; 0 disables the check.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public MinNotionalFilter(decimal notional)
    {
        if (notional < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(notional), notional, "MIN_NOTIONAL notional must not be negative.");
        }

        Notional = notional;
    }

    /// <summary>Smallest order value in the quote asset.</summary>
    public decimal Notional { get; }
}
