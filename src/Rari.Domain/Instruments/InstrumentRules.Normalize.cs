using System.Text;
using Rari.Domain.Orders;

namespace Rari.Domain.Instruments;

// Normalize: round an intended order onto the instrument's grids in the safe direction, then validate it.
public static partial class InstrumentRules
{
    /// <summary>
    /// Rounds an intended order onto the tick and step grids so that it is never worse for us than intended, then
    /// checks it: the result is either an order that passes <see cref="Validate"/> or the violation that rounding
    /// cannot cure.
    /// </summary>
    /// <remarks>
    /// <para>Every price of a BUY (limit or stop) rounds down and every price of a SELL rounds up
    /// (<see cref="Instrument.RoundPriceForSide"/>); the quantity rounds down on the order type's lot-size grid. So a
    /// normalized order never pays more, receives less, or trades more than intended.</para>
    /// <para>Nothing is clamped or enlarged: a price outside the bounds, a quantity that rounds below minQty, or a
    /// notional below the minimum comes back as a violation (use <see cref="Instrument.MinQuantityForNotional"/> to
    /// size up deliberately). A value that is not positive, or that rounding would push to zero or below its filter's
    /// minimum, is left as given, so the violation names what the caller asked for. When rounding changed a value,
    /// the violation's detail starts with what was rounded.</para>
    /// </remarks>
    public static NormalizationResult Normalize(Instrument instrument, OrderCheck intended)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(intended);

        var minPrice = instrument.PriceFilter.MinPrice;
        var price = RoundWithinMinimum(intended.Price, minPrice, p => instrument.RoundPriceForSide(intended.Side, p));
        var stopPrice = RoundWithinMinimum(intended.StopPrice, minPrice, p => instrument.RoundPriceForSide(intended.Side, p));
        var quantity = RoundWithinMinimum(
            intended.Quantity, instrument.LotSizeFor(intended.Type).MinQty, q => instrument.RoundQuantityDown(q, intended.Type));
        var normalized = new OrderCheck(
            intended.Side, intended.Type, price, stopPrice, quantity, intended.ReduceOnly, intended.ClosePosition)
        {
            MarkPrice = intended.MarkPrice,
            OpenOrderCount = intended.OpenOrderCount,
            OpenAlgoOrderCount = intended.OpenAlgoOrderCount,
        };

        var violation = Validate(instrument, normalized);
        if (violation is null)
        {
            return NormalizationResult.Valid(normalized);
        }

        var roundings = DescribeRoundings(intended, normalized);
        return NormalizationResult.Invalid(
            roundings.Length == 0 ? violation : violation with { Detail = $"after rounding {roundings}: {violation.Detail}" });
    }

    private static decimal? RoundWithinMinimum(decimal? value, decimal minimum, Func<decimal, decimal> round)
    {
        if (value is not { } given || given <= 0m)
        {
            return value;
        }

        var rounded = round(given);
        return rounded > 0m && rounded >= minimum ? rounded : given;
    }

    private static string DescribeRoundings(OrderCheck intended, OrderCheck normalized)
    {
        var text = new StringBuilder();
        Describe(text, "price", intended.Price, normalized.Price);
        Describe(text, "stop price", intended.StopPrice, normalized.StopPrice);
        Describe(text, "quantity", intended.Quantity, normalized.Quantity);
        return text.ToString();
    }

    private static void Describe(StringBuilder text, string label, decimal? before, decimal? after)
    {
        if (before is not { } from || after is not { } to || from == to)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(" and ");
        }

        text.Append(label).Append(' ').Append(DecimalText.Format(from))
            .Append(to < from ? " down to " : " up to ").Append(DecimalText.Format(to));
    }
}
