using Rari.Aster.Sim.Replay;
using Rari.Domain.Instruments;

namespace Rari.Aster.Sim.Instruments;

/// <summary>
/// Rules for a symbol found in the data but in no instruments file, derived from its price scale:
/// <list type="bullet">
/// <item>tick = 10^−d, d = the most decimal places in the open/high/low/close of its first 1,000 bars (at most 8);
/// minPrice = tick; maxPrice = 1,000 × the first open; pricePrecision = d;</item>
/// <item>step = the largest power of ten not worth more than the 5 USDT minimum notional at the first open, but at
/// most 1 (BTC at 100,000 → 0.00001; SOL at 150 → 0.01; anything under 5 USDT → 1); minQty = step;
/// maxQty = 10,000,000 USDT worth at the first open; MARKET orders up to a tenth of that;</item>
/// <item>min notional 5, 200 open orders, 100 conditional, PERCENT_PRICE 1.15/0.85, liquidation fee 0.02,
/// market take bound 0.15, trigger protect 0.15, maker/taker 0.0001/0.00035, funding 0.0001 every 8 h capped at
/// ±0.03, interest 0.0001, and the alt-coin leverage table (50× up to 5,000 USDT … 1× up to 3,000,000).</item>
/// </list>
/// </summary>
public static class DerivedInstrument
{
    private const int SampleBars = 1_000;
    private const int MaxDecimals = 8;

    /// <summary>The alt-coin leverage table derived symbols use: 50× up to 5k notional down to 1× up to 3M, cum continuous.</summary>
    public static IReadOnlyList<LeverageBracket> Brackets { get; } =
    [
        new(1, 50, 0m, 5_000m, 0.01m, 0m),
        new(2, 20, 5_000m, 25_000m, 0.025m, 75m),
        new(3, 10, 25_000m, 100_000m, 0.05m, 700m),
        new(4, 5, 100_000m, 250_000m, 0.1m, 5_700m),
        new(5, 2, 250_000m, 1_000_000m, 0.25m, 43_200m),
        new(6, 1, 1_000_000m, 3_000_000m, 0.5m, 293_200m),
    ];

    /// <summary>Derives the rules of <paramref name="series"/>' symbol from its prices.</summary>
    public static SymbolSpec For(SymbolSeries series)
    {
        var decimals = 0;
        for (var i = 0; i < Math.Min(SampleBars, series.Bars.Count); i++)
        {
            var bar = series.Bars[i];
            decimals = Math.Max(decimals, Math.Max(Math.Max(Scale(bar.Open), Scale(bar.High)), Math.Max(Scale(bar.Low), Scale(bar.Close))));
        }

        decimals = Math.Min(decimals, MaxDecimals);
        var tick = Pow10(-decimals);
        var price = series.Bars[0].Open;
        var step = 1m;
        while (step * price > 5m)
        {
            step /= 10m;
        }

        var stepDecimals = Json.AsterNumber.DecimalsOf(step);
        var maxQty = Math.Max(step, Math.Floor(10_000_000m / price / step) * step);
        var marketMaxQty = Math.Max(step, Math.Floor(maxQty / 10m / step) * step);
        var instrument = new Instrument(
            series.Symbol,
            BaseAsset(series.Symbol.Value),
            "USDT",
            decimals,
            stepDecimals,
            new PriceFilter(tick, Math.Round(price * 1_000m, decimals), tick),
            new LotSizeFilter(step, maxQty, step),
            new LotSizeFilter(step, marketMaxQty, step),
            new MinNotionalFilter(5m),
            new PercentPriceFilter(1.15m, 0.85m, 4),
            200,
            100,
            Brackets,
            0.02m,
            0.15m);
        return WithDefaults(instrument, 0.15m, series.FirstOpenMs) with { IsDerived = true };
    }

    /// <summary>
    /// <paramref name="instrument"/> with the derived symbols' fees and funding: maker/taker 0.0001/0.00035, funding
    /// 0.0001 every 8 h capped at ±0.03, interest 0.0001.
    /// </summary>
    public static SymbolSpec WithDefaults(Instrument instrument, decimal triggerProtect, long onboardDate) =>
        new(instrument, triggerProtect, 0.0001m, 0.00035m, 0.0001m, 8, 0.03m, -0.03m, 0.0001m, onboardDate);

    private static string BaseAsset(string symbol) =>
        symbol.EndsWith("USDT", StringComparison.Ordinal) && symbol.Length > 4 ? symbol[..^4] : symbol;

    private static int Scale(decimal value) => Json.AsterNumber.DecimalsOf(value);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            result /= 10m;
        }

        return result;
    }
}
