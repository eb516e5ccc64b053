using System.Globalization;
using Rari.Domain.Orders;

namespace Rari.Domain.Instruments;

/// <summary>
/// Aster's symbol-filter checks for a new order, shared by the simulated exchange (which replies with the violation's
/// code and message) and the risk gate (which denies with its detail), plus <see cref="Normalize"/>, which rounds an
/// intended order onto the grids before checking it.
/// </summary>
/// <remarks>
/// <para>Checks run in this order and the first failure is returned, as the exchange reports one error per request:</para>
/// <list type="number">
/// <item>PRICE_FILTER on the LIMIT price: ≤ 0 (−4001), below minPrice (−4013), above maxPrice (−4002), off the tick (−4014).</item>
/// <item>PRICE_FILTER on the stop price of STOP_MARKET / TAKE_PROFIT_MARKET: ≤ 0 (−4006), below minPrice (−4013),
/// above maxPrice (−4007), off the tick (−4014).</item>
/// <item>LOT_SIZE, or MARKET_LOT_SIZE for MARKET orders, on the quantity (skipped for closePosition): ≤ 0 (−4003),
/// below minQty (−4004), above maxQty (−4005), off the step (−4023).</item>
/// <item>MIN_NOTIONAL (−4164): price × quantity, valued at the limit price, the stop price, or the mark price for
/// MARKET orders; skipped for reduce-only and closePosition orders and for MARKET orders without a mark price.</item>
/// <item>PERCENT_PRICE on LIMIT orders when the mark price is known: BUY above mark × multiplierUp (−4016), SELL below
/// mark × multiplierDown (−4024).</item>
/// <item>MAX_NUM_ORDERS (−2025) for every type except MARKET, which never rests and so cannot raise the open count
/// (this also keeps an emergency close possible when the book of resting orders is full).</item>
/// <item>MAX_NUM_ALGO_ORDERS (−4045) for STOP_MARKET / TAKE_PROFIT_MARKET.</item>
/// </list>
/// <para>Bounds come before the grid check because "off the tick" is measured from minPrice and means little below it.
/// The success path allocates nothing.</para>
/// </remarks>
public static partial class InstrumentRules
{
    /// <summary>Checks an order against every symbol filter; null when it passes, otherwise the first violation.</summary>
    public static FilterViolation? Validate(Instrument instrument, OrderCheck order)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(order);

        return CheckPrice(instrument.PriceFilter, order.Price, isStop: false)
            ?? CheckPrice(instrument.PriceFilter, order.StopPrice, isStop: true)
            ?? CheckQuantity(instrument, order)
            ?? CheckMinNotional(instrument, order)
            ?? CheckPercentPrice(instrument, order)
            ?? CheckOrderCounts(instrument, order);
    }

    private static FilterViolation? CheckPrice(PriceFilter filter, decimal? value, bool isStop)
    {
        if (value is not { } price)
        {
            return null;
        }

        var label = isStop ? "stop price" : "price";
        if (price <= 0m)
        {
            return Violation(
                FilterType.PriceFilter,
                isStop ? FilterErrorCode.StopPriceLessThanZero : FilterErrorCode.PriceLessThanZero,
                $"{label} {Text(price)} must be greater than zero");
        }

        if (filter.MinPrice > 0m && price < filter.MinPrice)
        {
            return Violation(
                FilterType.PriceFilter,
                FilterErrorCode.PriceLessThanMinPrice,
                $"{label} {Text(price)} is below min price {Text(filter.MinPrice)}");
        }

        if (filter.MaxPrice > 0m && price > filter.MaxPrice)
        {
            return Violation(
                FilterType.PriceFilter,
                isStop ? FilterErrorCode.StopPriceGreaterThanMaxPrice : FilterErrorCode.PriceGreaterThanMaxPrice,
                $"{label} {Text(price)} is above max price {Text(filter.MaxPrice)}");
        }

        if (!filter.IsOnTick(price))
        {
            var (below, above) = Lattice.Neighbours(price, filter.MinPrice, filter.TickSize);
            return Violation(
                FilterType.PriceFilter,
                FilterErrorCode.PriceNotIncreasedByTickSize,
                $"{label} {Text(price)} is not a multiple of tick size {Text(filter.TickSize)} above min price {Text(filter.MinPrice)}; " +
                $"nearest valid prices are {Text(below)} and {Text(above)}");
        }

        return null;
    }

    private static FilterViolation? CheckQuantity(Instrument instrument, OrderCheck order)
    {
        if (order.Quantity is not { } quantity)
        {
            return null;
        }

        var lot = instrument.LotSizeFor(order.Type);
        var filter = order.Type == OrderType.Market ? FilterType.MarketLotSize : FilterType.LotSize;
        var name = filter.ToAsterName();
        if (quantity <= 0m)
        {
            return Violation(filter, FilterErrorCode.QuantityLessThanZero, $"quantity {Text(quantity)} must be greater than zero");
        }

        if (quantity < lot.MinQty)
        {
            return Violation(
                filter,
                FilterErrorCode.QuantityLessThanMinQuantity,
                $"quantity {Text(quantity)} is below the {name} min quantity {Text(lot.MinQty)}");
        }

        if (quantity > lot.MaxQty)
        {
            return Violation(
                filter,
                FilterErrorCode.QuantityGreaterThanMaxQuantity,
                $"quantity {Text(quantity)} is above the {name} max quantity {Text(lot.MaxQty)}; split the order");
        }

        if (!lot.IsOnStep(quantity))
        {
            var (below, above) = Lattice.Neighbours(quantity, lot.MinQty, lot.StepSize);
            return Violation(
                filter,
                FilterErrorCode.QuantityNotIncreasedByStepSize,
                $"quantity {Text(quantity)} is not a multiple of the {name} step size {Text(lot.StepSize)} above min quantity {Text(lot.MinQty)}; " +
                $"nearest valid quantities are {Text(below)} and {Text(above)}");
        }

        return null;
    }

    private static FilterViolation? CheckMinNotional(Instrument instrument, OrderCheck order)
    {
        if (order.ReduceOnly || order.Quantity is not { } quantity)
        {
            return null;
        }

        var (price, basis) = order.Type switch
        {
            OrderType.Limit => (order.Price, "price"),
            OrderType.Market => (order.MarkPrice, "mark price"),
            _ => (order.StopPrice, "stop price"),
        };
        if (price is not { } valuedAt)
        {
            return null;
        }

        var minimum = instrument.MinNotional.Notional;
        var notional = valuedAt * quantity;
        if (notional >= minimum)
        {
            return null;
        }

        var smallest = instrument.MinQuantityForNotional(valuedAt, order.Type);
        return new FilterViolation(
            FilterType.MinNotional,
            FilterErrorCode.MinNotional,
            FilterErrorCodeNames.MinNotionalMessage(minimum),
            $"notional {Text(notional)} ({basis} {Text(valuedAt)} × quantity {Text(quantity)}) is below min notional {Text(minimum)}; " +
            $"at this {basis} the smallest valid quantity is {Text(smallest)}, or send the order reduce-only");
    }

    private static FilterViolation? CheckPercentPrice(Instrument instrument, OrderCheck order)
    {
        if (order.Type != OrderType.Limit || order.Price is not { } price || order.MarkPrice is not { } mark)
        {
            return null;
        }

        var band = instrument.PercentPrice;
        if (order.Side == OrderSide.Buy && price > band.HighestBuyPrice(mark))
        {
            var bound = band.HighestBuyPrice(mark);
            return Violation(
                FilterType.PercentPrice,
                FilterErrorCode.PriceHigherThanMultiplierUp,
                $"BUY price {Text(price)} is above mark price {Text(mark)} × multiplierUp {Text(band.MultiplierUp)} = {Text(bound)}; " +
                $"the highest valid price is {Text(instrument.RoundPrice(bound, TickRounding.Down))}");
        }

        if (order.Side == OrderSide.Sell && price < band.LowestSellPrice(mark))
        {
            var bound = band.LowestSellPrice(mark);
            return Violation(
                FilterType.PercentPrice,
                FilterErrorCode.PriceLowerThanMultiplierDown,
                $"SELL price {Text(price)} is below mark price {Text(mark)} × multiplierDown {Text(band.MultiplierDown)} = {Text(bound)}; " +
                $"the lowest valid price is {Text(instrument.RoundPrice(bound, TickRounding.Up))}");
        }

        return null;
    }

    private static FilterViolation? CheckOrderCounts(Instrument instrument, OrderCheck order)
    {
        if (order.Type != OrderType.Market && order.OpenOrderCount >= instrument.MaxNumOrders)
        {
            return Violation(
                FilterType.MaxNumOrders,
                FilterErrorCode.MaxOpenOrderExceeded,
                $"{Text(order.OpenOrderCount)} orders are already open on {instrument.Symbol}, at the MAX_NUM_ORDERS limit of " +
                $"{Text(instrument.MaxNumOrders)}; cancel one before placing another");
        }

        if (order.IsConditional && order.OpenAlgoOrderCount >= instrument.MaxNumAlgoOrders)
        {
            return Violation(
                FilterType.MaxNumAlgoOrders,
                FilterErrorCode.MaxStopOrderExceeded,
                $"{Text(order.OpenAlgoOrderCount)} conditional orders are already open on {instrument.Symbol}, at the " +
                $"MAX_NUM_ALGO_ORDERS limit of {Text(instrument.MaxNumAlgoOrders)}; cancel one before placing another");
        }

        return null;
    }

    private static FilterViolation Violation(FilterType filter, FilterErrorCode code, string detail) =>
        new(filter, code, code.ToAsterMessage(), detail);

    private static string Text(decimal value) => DecimalText.Format(value);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
