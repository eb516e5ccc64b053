namespace Rari.Domain.Indicators;

/// <summary>
/// Converts per-bar volatility to annual volatility on the crypto calendar: markets trade every minute of a
/// 365-day year, so a year holds 525,600 one-minute bars and σ_year = σ_bar × √(bars per year).
/// </summary>
/// <remarks>
/// Every volatility indicator here uses this one convention (365 × 24 × 60 minutes, no trading-day 252 and no leap
/// days), so numbers from different estimators and bar lengths are comparable. The square-root-of-time rule assumes
/// independent returns; it is the market convention, not a claim about the data.
/// </remarks>
public static class Annualization
{
    /// <summary>Days in the crypto year used for annualising.</summary>
    public const double DaysPerYear = 365d;

    /// <summary>Minutes in the crypto year: 525,600.</summary>
    public const double MinutesPerYear = DaysPerYear * 24d * 60d;

    /// <summary>Number of bars of the given length in a 365-day year, e.g. 525,600 for one-minute bars.</summary>
    /// <param name="barLength">The bar length; must be positive.</param>
    public static double BarsPerYear(TimeSpan barLength)
    {
        if (barLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(barLength), barLength, "The bar length must be positive.");
        }

        return MinutesPerYear * TimeSpan.TicksPerMinute / barLength.Ticks;
    }

    /// <summary>The factor √(bars per year) that turns a per-bar standard deviation into an annual one.</summary>
    /// <param name="barLength">The bar length; must be positive.</param>
    public static double Factor(TimeSpan barLength) => Math.Sqrt(BarsPerYear(barLength));
}
