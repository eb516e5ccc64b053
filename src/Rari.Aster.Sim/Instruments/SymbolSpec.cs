using Rari.Domain.Instruments;

namespace Rari.Aster.Sim.Instruments;

/// <summary>
/// Everything the simulator serves about one perpetual: the Domain <see cref="Instrument"/> (filters, brackets,
/// liquidation fee, market take bound) plus what exchangeInfo, fundingInfo, premiumIndex and commissionRate add.
/// </summary>
/// <param name="Instrument">The symbol's filters and rules, shared with the Venue.</param>
/// <param name="TriggerProtect">Largest mark/last divergence for <c>priceProtect</c> orders (exchangeInfo <c>triggerProtect</c>).</param>
/// <param name="MakerCommissionRate">Maker fee rate (commissionRate).</param>
/// <param name="TakerCommissionRate">Taker fee rate (commissionRate).</param>
/// <param name="FundingRate">The funding rate the replay quotes and settles at every funding time.</param>
/// <param name="FundingIntervalHours">Hours between funding times (fundingInfo), e.g. 8 or 4.</param>
/// <param name="FundingFeeCap">Highest funding rate (fundingInfo <c>fundingFeeCap</c>).</param>
/// <param name="FundingFeeFloor">Lowest funding rate (fundingInfo <c>fundingFeeFloor</c>).</param>
/// <param name="InterestRate">Interest rate (premiumIndex, fundingInfo).</param>
/// <param name="OnboardDate">Listing time, UTC epoch ms (exchangeInfo <c>onboardDate</c>).</param>
/// <param name="IsDerived">True when no instrument was configured and the rules were derived from the data's price scale.</param>
public sealed record SymbolSpec(
    Instrument Instrument,
    decimal TriggerProtect,
    decimal MakerCommissionRate,
    decimal TakerCommissionRate,
    decimal FundingRate,
    int FundingIntervalHours,
    decimal FundingFeeCap,
    decimal FundingFeeFloor,
    decimal InterestRate,
    long OnboardDate,
    bool IsDerived = false)
{
    /// <summary>Decimals of a price on the tick grid, e.g. 1 for a tick of 0.1.</summary>
    public int PriceDecimals => Json.AsterNumber.DecimalsOf(Instrument.PriceFilter.TickSize);

    /// <summary>Decimals of a quantity on the step grid, e.g. 3 for a step of 0.001.</summary>
    public int QuantityDecimals => Json.AsterNumber.DecimalsOf(Instrument.LotSize.StepSize);

    /// <summary>The funding interval in milliseconds.</summary>
    public long FundingIntervalMs => FundingIntervalHours * 3_600_000L;

    /// <summary>The first funding time strictly after <paramref name="timeMs"/> (funding times are multiples of the interval, UTC).</summary>
    public long NextFundingTime(long timeMs) => ((timeMs / FundingIntervalMs) + 1) * FundingIntervalMs;
}
