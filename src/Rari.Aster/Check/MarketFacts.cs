using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;

namespace Rari.Aster.Check;

/// <summary>What the balance and symbol checks read from the venue, keyed by symbol text.</summary>
/// <param name="Symbols">exchangeInfo's symbols.</param>
/// <param name="MarkPrices">Mark prices.</param>
/// <param name="MaxLeverage">The highest leverage any bracket of a symbol allows.</param>
/// <param name="Positions">The account's position settings (leverage, margin type) per symbol.</param>
/// <param name="Problem">The call that failed, when one did; the other fields are then empty.</param>
internal sealed record MarketFacts(
    IReadOnlyDictionary<string, AsterSymbolInfo> Symbols,
    IReadOnlyDictionary<string, decimal> MarkPrices,
    IReadOnlyDictionary<string, int> MaxLeverage,
    IReadOnlyDictionary<string, AsterPositionRisk> Positions,
    AsterApiException? Problem)
{
    public static async Task<MarketFacts> LoadAsync(AsterRestClient client, AccountCheckOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var info = await client.GetExchangeInfoAsync(cancellationToken).ConfigureAwait(false);
            var marks = await client.GetPremiumIndexesAsync(cancellationToken).ConfigureAwait(false);
            var brackets = await client.GetLeverageBracketsAsync(null, cancellationToken).ConfigureAwait(false);
            var risks = await client.GetPositionRiskAsync(null, cancellationToken).ConfigureAwait(false);
            return new MarketFacts(
                info.Symbols.DistinctBy(s => s.Symbol).ToDictionary(s => s.Symbol, StringComparer.Ordinal),
                marks.DistinctBy(m => m.Symbol).ToDictionary(m => m.Symbol, m => m.MarkPrice, StringComparer.Ordinal),
                brackets.DistinctBy(b => b.Symbol).ToDictionary(b => b.Symbol, b => b.Brackets.Count == 0 ? 0 : b.Brackets.Max(x => x.InitialLeverage), StringComparer.Ordinal),
                risks.DistinctBy(r => r.Symbol).ToDictionary(r => r.Symbol, StringComparer.Ordinal),
                null);
        }
        catch (AsterApiException e)
        {
            return new MarketFacts(
                new Dictionary<string, AsterSymbolInfo>(), new Dictionary<string, decimal>(), new Dictionary<string, int>(), new Dictionary<string, AsterPositionRisk>(), e);
        }
    }

    /// <summary>
    /// The initial margin of the smallest order the venue accepts on <paramref name="symbol"/> at <paramref name="leverage"/>:
    /// the least quantity on the lot grid that meets both the minimum quantity and the minimum notional, at the mark price.
    /// Null when the symbol or its price is unknown.
    /// </summary>
    public decimal? SmallestOrderMargin(string symbol, int leverage)
    {
        if (!Symbols.TryGetValue(symbol, out var info) || !MarkPrices.TryGetValue(symbol, out var price) || price <= 0m || leverage <= 0)
        {
            return null;
        }

        var lot = info.Filter("MARKET_LOT_SIZE") ?? info.Filter("LOT_SIZE");
        var minQty = lot?.MinQty ?? 0m;
        var step = lot?.StepSize ?? 0m;
        var minNotional = info.Filter("MIN_NOTIONAL") is { } filter ? filter.MinNotional ?? filter.Notional ?? 0m : 0m;
        var forNotional = minNotional / price;
        if (step > 0m)
        {
            forNotional = decimal.Ceiling(forNotional / step) * step;
        }

        var quantity = Math.Max(minQty, forNotional);
        return quantity * price / leverage;
    }
}
