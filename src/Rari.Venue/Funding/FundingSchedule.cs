using Rari.Venue.Matching;

namespace Rari.Venue.Funding;

/// <summary>
/// When funding settles and at which rate (§6.5 [conv]): at every multiple of the symbol's funding interval counted
/// from the Unix epoch (00:00, 08:00, 16:00 UTC for 8 h), at the recorded rate for that time, else the mark feed's
/// latest estimate, else the symbol's configured rate, clamped to the symbol's cap and floor.
/// </summary>
internal static class FundingSchedule
{
    /// <summary>The first funding time strictly after <paramref name="timeMs"/>.</summary>
    public static long NextAfter(long timeMs, long intervalMs) => ((timeMs / intervalMs) + 1) * intervalMs;

    /// <summary>The funding time a recorded rate stamped <paramref name="timeMs"/> belongs to (recorded times may lag by a few ms).</summary>
    public static long GridTime(long timeMs, long intervalMs) => timeMs - (timeMs % intervalMs);

    /// <summary>The rate settled at <paramref name="fundingTimeMs"/>; a recorded rate is used once and forgotten.</summary>
    public static decimal RateFor(SymbolMarket market, long fundingTimeMs)
    {
        var rate = market.RecordedFundingRates.Remove(fundingTimeMs, out var recorded)
            ? recorded
            : market.EstimatedFundingRate ?? market.Settings.DefaultFundingRate;
        return market.Settings.ClampFundingRate(rate);
    }
}
