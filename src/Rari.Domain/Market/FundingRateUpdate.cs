using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// A funding rate that was settled: one row of Aster's funding history (<c>fundingRate</c> endpoint). Backtests charge
/// funding from these; the live estimate before settlement is <see cref="MarkPriceUpdate.FundingRate"/>.
/// </summary>
/// <param name="Symbol">The perpetual.</param>
/// <param name="FundingRate">The settled rate; positive means longs paid shorts.</param>
/// <param name="FundingTimeMs">The settlement time (<c>fundingTime</c>), UTC epoch milliseconds.</param>
public readonly record struct FundingRateUpdate(Symbol Symbol, decimal FundingRate, long FundingTimeMs);
