using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>What bounded a position size.</summary>
public enum SizeLimit : byte
{
    /// <summary>The target risk: equity × risk per trade / stop distance.</summary>
    Risk = 1,

    /// <summary>The largest position value allowed by the settings.</summary>
    MaxNotional = 2,

    /// <summary>Equity × the symbol's leverage.</summary>
    Leverage = 3,

    /// <summary>The margin (and opening fee) the available balance can pay for.</summary>
    AvailableBalance = 4,

    /// <summary>The largest quantity the lot-size filters accept (the smaller of LOT_SIZE and MARKET_LOT_SIZE, so the position can always be closed at market).</summary>
    LotSize = 5,

    /// <summary>The fractional Kelly share of equity at risk.</summary>
    Kelly = 6,
}

/// <summary>The inputs of one sizing.</summary>
/// <param name="Equity">Account equity, USDT.</param>
/// <param name="AvailableBalance">Margin still free, USDT.</param>
/// <param name="Leverage">The symbol's leverage.</param>
/// <param name="TakerFeeRate">Fee rate of the opening fill, e.g. 0.0004.</param>
/// <param name="Price">The price the position opens at (the close, or the limit price).</param>
/// <param name="StopDistance">Distance from entry to stop, price units.</param>
/// <param name="RiskPerTrade">Share of equity to lose when the stop fills.</param>
/// <param name="MaxNotional">Largest position value, USDT.</param>
/// <param name="KellyFraction">The Kelly sizer's share of equity at risk, or null when Kelly is disabled.</param>
public readonly record struct SizingRequest(
    decimal Equity,
    decimal AvailableBalance,
    int Leverage,
    decimal TakerFeeRate,
    decimal Price,
    decimal StopDistance,
    decimal RiskPerTrade,
    decimal MaxNotional,
    decimal? KellyFraction);

/// <summary>The outcome of one sizing: a quantity on the step grid, or the reason there is none.</summary>
/// <param name="Quantity">The order quantity, rounded down to the step; 0 when skipped.</param>
/// <param name="LimitedBy">The bound that decided the size (before rounding).</param>
/// <param name="Skip">Why no order can be sized; null when <see cref="Quantity"/> is valid.</param>
/// <param name="Detail">The numbers behind a skip, for the operator; null when sized.</param>
public readonly record struct PositionSize(decimal Quantity, SizeLimit LimitedBy, EntrySkipReason? Skip, string? Detail)
{
    /// <summary>True when there is a quantity to trade.</summary>
    public bool IsSized => Skip is null;
}

/// <summary>
/// Volatility-scaled position sizing for a target risk per trade:
/// quantity = equity × risk per trade / stop distance, then capped by the largest notional, by equity × leverage, by what
/// the available balance can margin (notional × (1/leverage + taker fee) ≤ balance), by the lot-size maxima, then by
/// the Kelly share of equity at risk (equity × f / stop distance) when enabled, and rounded down to the step.
/// </summary>
/// <remarks>
/// Pure and exact (decimal). A size below the minimum quantity, or worth less than the minimum notional at the given
/// price, is skipped rather than rounded up: rounding up would risk more than the target.
/// </remarks>
public static class VolatilityPositionSizer
{
    /// <summary>Sizes one entry.</summary>
    /// <param name="instrument">The symbol's filters.</param>
    /// <param name="type">The entry order type (MARKET uses MARKET_LOT_SIZE's step).</param>
    /// <param name="request">The inputs.</param>
    public static PositionSize Size(Instrument instrument, OrderType type, in SizingRequest request)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (request.Price <= 0m || request.StopDistance <= 0m || request.Equity <= 0m || request.Leverage < 1
            || request.AvailableBalance <= 0m || request.RiskPerTrade <= 0m || request.MaxNotional <= 0m)
        {
            return Skipped(
                EntrySkipReason.NothingToRisk,
                $"equity {request.Equity}, available {request.AvailableBalance}, leverage {request.Leverage}, price {request.Price}, stop distance {request.StopDistance}");
        }

        var quantity = request.Equity * request.RiskPerTrade / request.StopDistance;
        var limit = SizeLimit.Risk;
        Cap(ref quantity, ref limit, request.MaxNotional / request.Price, SizeLimit.MaxNotional);
        Cap(ref quantity, ref limit, request.Equity * request.Leverage / request.Price, SizeLimit.Leverage);
        var marginPerUnit = request.Price * ((1m / request.Leverage) + Math.Max(0m, request.TakerFeeRate));
        Cap(ref quantity, ref limit, request.AvailableBalance / marginPerUnit, SizeLimit.AvailableBalance);
        Cap(ref quantity, ref limit, Math.Min(instrument.LotSize.MaxQty, instrument.MarketLotSize.MaxQty), SizeLimit.LotSize);
        if (request.KellyFraction is { } kelly)
        {
            if (kelly <= 0m)
            {
                return Skipped(EntrySkipReason.NoKellyEdge, $"the Kelly sizer allows {kelly} of equity at risk");
            }

            Cap(ref quantity, ref limit, request.Equity * kelly / request.StopDistance, SizeLimit.Kelly);
        }

        var lot = instrument.LotSizeFor(type);
        var rounded = quantity >= lot.MinQty ? instrument.RoundQuantityDown(quantity, type) : 0m;
        var minimumNotional = instrument.MinNotional.Notional;
        if (rounded < lot.MinQty || rounded <= 0m || rounded * request.Price < minimumNotional)
        {
            return Skipped(
                EntrySkipReason.BelowMinimum,
                $"size {quantity} (limited by {limit}) rounds to {rounded}, below min quantity {lot.MinQty} or min notional {minimumNotional} at price {request.Price}");
        }

        return new PositionSize(rounded, limit, null, null);
    }

    private static void Cap(ref decimal quantity, ref SizeLimit limit, decimal cap, SizeLimit reason)
    {
        if (cap < quantity)
        {
            quantity = cap;
            limit = reason;
        }
    }

    private static PositionSize Skipped(EntrySkipReason reason, FormattableString detail) =>
        new(0m, SizeLimit.Risk, reason, detail.ToString(CultureInfo.InvariantCulture));
}
