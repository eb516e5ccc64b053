using System.Diagnostics.CodeAnalysis;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.Aster.Models;

/// <summary>Builds the domain's <see cref="Instrument"/> from an exchangeInfo symbol and its leverage brackets.</summary>
public static class ExchangeInfoMapping
{
    /// <summary>
    /// The instrument for <paramref name="symbol"/>. MARKET_LOT_SIZE falls back to LOT_SIZE when absent; MIN_NOTIONAL
    /// reads <c>minNotional</c> (real responses) or <c>notional</c> (the docs), 0 when absent; every other filter,
    /// the liquidation fee and the market take bound are required.
    /// </summary>
    /// <param name="symbol">The exchangeInfo symbol.</param>
    /// <param name="brackets">Its leverage brackets (<c>GET leverageBracket</c>, a signed endpoint).</param>
    /// <exception cref="FormatException">A required filter or field is missing or invalid; the message names it.</exception>
    public static Instrument ToInstrument(this AsterSymbolInfo symbol, IReadOnlyList<LeverageBracket> brackets) =>
        TryToInstrument(symbol, brackets, out var instrument, out var problem) ? instrument : throw new FormatException(problem);

    /// <summary>Like <see cref="ToInstrument"/>, returning the problem instead of throwing.</summary>
    public static bool TryToInstrument(
        this AsterSymbolInfo symbol,
        IReadOnlyList<LeverageBracket> brackets,
        [NotNullWhen(true)] out Instrument? instrument,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        ArgumentNullException.ThrowIfNull(brackets);
        instrument = null;
        var name = string.IsNullOrEmpty(symbol.Symbol) ? "(no symbol)" : symbol.Symbol;
        var price = symbol.Filter("PRICE_FILTER");
        var lot = symbol.Filter("LOT_SIZE");
        var marketLot = symbol.Filter("MARKET_LOT_SIZE") ?? lot;
        var percent = symbol.Filter("PERCENT_PRICE");
        var maxOrders = symbol.Filter("MAX_NUM_ORDERS");
        var maxAlgo = symbol.Filter("MAX_NUM_ALGO_ORDERS");
        var minNotional = symbol.Filter("MIN_NOTIONAL");
        problem = (price, lot, percent, maxOrders, maxAlgo) switch
        {
            (null, _, _, _, _) => "PRICE_FILTER is missing",
            ({ TickSize: null }, _, _, _, _) => "PRICE_FILTER has no tickSize",
            (_, null, _, _, _) => "LOT_SIZE is missing",
            (_, { StepSize: null } or { MinQty: null } or { MaxQty: null }, _, _, _) => "LOT_SIZE lacks minQty, maxQty or stepSize",
            (_, _, null, _, _) => "PERCENT_PRICE is missing",
            (_, _, { MultiplierUp: null } or { MultiplierDown: null }, _, _) => "PERCENT_PRICE lacks multiplierUp or multiplierDown",
            (_, _, _, { Limit: null } or null, _) => "MAX_NUM_ORDERS is missing",
            (_, _, _, _, { Limit: null } or null) => "MAX_NUM_ALGO_ORDERS is missing",
            _ when marketLot is { StepSize: null } or { MinQty: null } or { MaxQty: null } => "MARKET_LOT_SIZE lacks minQty, maxQty or stepSize",
            _ => null,
        };
        if (problem is not null)
        {
            problem = $"exchangeInfo symbol {name}: {problem}.";
            return false;
        }

        try
        {
            instrument = new Instrument(
                new Symbol(symbol.Symbol),
                symbol.BaseAsset,
                symbol.QuoteAsset,
                symbol.PricePrecision,
                symbol.QuantityPrecision,
                new PriceFilter(price!.MinPrice ?? 0m, price.MaxPrice ?? 0m, price.TickSize!.Value),
                new LotSizeFilter(lot!.MinQty!.Value, lot.MaxQty!.Value, lot.StepSize!.Value),
                new LotSizeFilter(marketLot!.MinQty!.Value, marketLot.MaxQty!.Value, marketLot.StepSize!.Value),
                new MinNotionalFilter(minNotional?.MinNotional ?? minNotional?.Notional ?? 0m),
                new PercentPriceFilter(percent!.MultiplierUp!.Value, percent.MultiplierDown!.Value, percent.MultiplierDecimal ?? 0),
                maxOrders!.Limit!.Value,
                maxAlgo!.Limit!.Value,
                brackets,
                symbol.LiquidationFee,
                symbol.MarketTakeBound);
            return true;
        }
        catch (ArgumentException invalid)
        {
            problem = $"exchangeInfo symbol {name}: {invalid.Message}";
            return false;
        }
    }
}
