using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Aster.Models;

/// <summary>Turns a strategy's <see cref="OrderIntent"/> into the venue's new-order request.</summary>
public static class OrderIntentMapping
{
    /// <summary>
    /// The new-order request for an intent. Prices are written with the decimals of the instrument's tick size and
    /// quantities with those of its step size (0.01 with step 0.001 is sent as <c>0.010</c>); reduceOnly and
    /// closePosition are sent only when set; positionSide always.
    /// </summary>
    /// <param name="intent">The order to place; normalize it onto the instrument's grids first (<see cref="InstrumentRules.Normalize"/>).</param>
    /// <param name="instrument">The instrument's rules.</param>
    /// <param name="responseType">ACK or RESULT; null leaves the venue's default (ACK).</param>
    /// <exception cref="ArgumentException">The intent is for another symbol, or a price or quantity is off the grid.</exception>
    public static NewOrderRequest ToNewOrderRequest(this OrderIntent intent, Instrument instrument, AsterOrderResponseType? responseType = null)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(instrument);
        if (intent.Symbol != instrument.Symbol)
        {
            throw new ArgumentException($"Intent {intent.ClientOrderId} is for {intent.Symbol} but the instrument is {instrument.Symbol}.", nameof(instrument));
        }

        var priceScale = DecimalScale.Significant(instrument.PriceFilter.TickSize);
        var lot = instrument.LotSizeFor(intent.Type);
        var quantityScale = DecimalScale.Significant(lot.StepSize);
        return new NewOrderRequest
        {
            Symbol = intent.Symbol,
            Side = intent.Side,
            Type = intent.Type switch
            {
                OrderType.Limit => AsterOrderType.Limit,
                OrderType.Market => AsterOrderType.Market,
                OrderType.StopMarket => AsterOrderType.StopMarket,
                OrderType.TakeProfitMarket => AsterOrderType.TakeProfitMarket,
                _ => throw new ArgumentException($"Order type {intent.Type} has no Aster equivalent.", nameof(intent)),
            },
            ClientOrderId = intent.ClientOrderId,
            Quantity = intent.Quantity is { } quantity
                ? OnGrid(quantity, lot.IsOnStep(quantity), quantityScale, "quantity", intent, lot.StepSize)
                : null,
            Price = intent.Price is { } price
                ? OnGrid(price, instrument.PriceFilter.IsOnTick(price), priceScale, "price", intent, instrument.PriceFilter.TickSize)
                : null,
            StopPrice = intent.StopPrice is { } stop
                ? OnGrid(stop, instrument.PriceFilter.IsOnTick(stop), priceScale, "stopPrice", intent, instrument.PriceFilter.TickSize)
                : null,
            TimeInForce = intent.TimeInForce switch
            {
                null => null,
                TimeInForce.Gtc => AsterTimeInForce.Gtc,
                TimeInForce.Ioc => AsterTimeInForce.Ioc,
                TimeInForce.Fok => AsterTimeInForce.Fok,
                TimeInForce.Gtx => AsterTimeInForce.Gtx,
                _ => throw new ArgumentException($"Time in force {intent.TimeInForce} has no Aster equivalent.", nameof(intent)),
            },
            PositionSide = intent.PositionSide,
            ReduceOnly = intent.ReduceOnly ? true : null,
            ClosePosition = intent.ClosePosition ? true : null,
            ResponseType = responseType,
        };
    }

    private static decimal OnGrid(decimal value, bool isOnGrid, int scale, string name, OrderIntent intent, decimal grid)
    {
        if (!isOnGrid || decimal.Round(value, scale) != value)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Intent {intent.ClientOrderId}: {name} {value} is not on {intent.Symbol}'s grid of {grid}; normalize the intent first (InstrumentRules.Normalize)."),
                nameof(intent));
        }

        return DecimalScale.WithScale(value, scale);
    }
}
