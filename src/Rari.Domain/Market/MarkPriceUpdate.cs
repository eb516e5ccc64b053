using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// The mark price and the live funding estimate of one perpetual (Aster's <c>markPriceUpdate</c> stream and
/// <c>premiumIndex</c> endpoint). Unrealized PnL, margin and liquidation are measured at the mark price.
/// </summary>
/// <remarks>
/// <see cref="FundingRate"/> here is the rate as it stands now for the next settlement and moves until
/// <see cref="NextFundingTimeMs"/>; the rate actually settled is a <see cref="FundingRateUpdate"/>.
/// </remarks>
/// <param name="Symbol">The perpetual.</param>
/// <param name="MarkPrice">Mark price (Aster's <c>p</c> / <c>markPrice</c>).</param>
/// <param name="IndexPrice">Index price from the spot references (<c>i</c> / <c>indexPrice</c>).</param>
/// <param name="EstimatedSettlePrice">Estimated settle price (<c>P</c>); only meaningful in the last hour before a settlement.</param>
/// <param name="FundingRate">Current funding rate for the next settlement (<c>r</c> / <c>lastFundingRate</c>), e.g. 0.0001 = 0.01 %.</param>
/// <param name="NextFundingTimeMs">When the next funding settles (<c>T</c> / <c>nextFundingTime</c>), UTC epoch milliseconds.</param>
/// <param name="TimeMs">Event time (<c>E</c> / <c>time</c>), UTC epoch milliseconds.</param>
public readonly record struct MarkPriceUpdate(
    Symbol Symbol,
    decimal MarkPrice,
    decimal IndexPrice,
    decimal EstimatedSettlePrice,
    decimal FundingRate,
    long NextFundingTimeMs,
    long TimeMs);
