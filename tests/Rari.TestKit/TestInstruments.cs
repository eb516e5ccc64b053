using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.TestKit;

/// <summary>
/// Realistic instruments for tests, shaped like Aster's / Binance's USDT perpetuals: BTCUSDT (tick 0.1, step 0.001),
/// ETHUSDT (tick 0.01, step 0.001), SOLUSDT (tick 0.01, step 0.01, minPrice 0.42) and SUIUSDT (tick 0.0001, step 0.1),
/// all with min notional 5 USDT. Change one field with a <c>with</c> expression, e.g. <c>BtcUsdt with { MaxNumOrders = 2 }</c>.
/// </summary>
public static class TestInstruments
{
    /// <summary>
    /// BTCUSDT's leverage table, like Binance's: 125x up to 50k notional down to 1x up to 1.8B. The cum values are
    /// continuous: cum_i = cum_(i−1) + floor_i × (mmr_i − mmr_(i−1)).
    /// </summary>
    public static IReadOnlyList<LeverageBracket> BtcUsdtBrackets { get; } =
    [
        new(1, 125, 0m, 50_000m, 0.004m, 0m),
        new(2, 100, 50_000m, 600_000m, 0.005m, 50m),
        new(3, 75, 600_000m, 3_000_000m, 0.0065m, 950m),
        new(4, 50, 3_000_000m, 12_000_000m, 0.01m, 11_450m),
        new(5, 25, 12_000_000m, 70_000_000m, 0.02m, 131_450m),
        new(6, 20, 70_000_000m, 100_000_000m, 0.025m, 481_450m),
        new(7, 10, 100_000_000m, 230_000_000m, 0.05m, 2_981_450m),
        new(8, 5, 230_000_000m, 480_000_000m, 0.1m, 14_481_450m),
        new(9, 4, 480_000_000m, 600_000_000m, 0.125m, 26_481_450m),
        new(10, 3, 600_000_000m, 800_000_000m, 0.15m, 41_481_450m),
        new(11, 2, 800_000_000m, 1_200_000_000m, 0.25m, 121_481_450m),
        new(12, 1, 1_200_000_000m, 1_800_000_000m, 0.5m, 421_481_450m),
    ];

    /// <summary>ETHUSDT's leverage table: 100x up to 10k notional down to 1x up to 200M; cum continuous.</summary>
    public static IReadOnlyList<LeverageBracket> EthUsdtBrackets { get; } =
    [
        new(1, 100, 0m, 10_000m, 0.005m, 0m),
        new(2, 75, 10_000m, 100_000m, 0.0065m, 15m),
        new(3, 50, 100_000m, 500_000m, 0.01m, 365m),
        new(4, 25, 500_000m, 1_000_000m, 0.02m, 5_365m),
        new(5, 10, 1_000_000m, 5_000_000m, 0.05m, 35_365m),
        new(6, 5, 5_000_000m, 10_000_000m, 0.1m, 285_365m),
        new(7, 4, 10_000_000m, 20_000_000m, 0.125m, 535_365m),
        new(8, 3, 20_000_000m, 40_000_000m, 0.15m, 1_035_365m),
        new(9, 2, 40_000_000m, 100_000_000m, 0.25m, 5_035_365m),
        new(10, 1, 100_000_000m, 200_000_000m, 0.5m, 30_035_365m),
    ];

    /// <summary>A smaller alt-coin leverage table (SOLUSDT, SUIUSDT): 50x up to 5k notional down to 1x up to 3M; cum continuous.</summary>
    public static IReadOnlyList<LeverageBracket> AltBrackets { get; } =
    [
        new(1, 50, 0m, 5_000m, 0.01m, 0m),
        new(2, 20, 5_000m, 25_000m, 0.025m, 75m),
        new(3, 10, 25_000m, 100_000m, 0.05m, 700m),
        new(4, 5, 100_000m, 250_000m, 0.1m, 5_700m),
        new(5, 2, 250_000m, 1_000_000m, 0.25m, 43_200m),
        new(6, 1, 1_000_000m, 3_000_000m, 0.5m, 293_200m),
    ];

    /// <summary>BTCUSDT: price 0.1–1,000,000 tick 0.1; quantity 0.001–1000 (MARKET up to 120) step 0.001.</summary>
    public static Instrument BtcUsdt { get; } = new(
        new Symbol("BTCUSDT"),
        "BTC",
        "USDT",
        pricePrecision: 2,
        quantityPrecision: 3,
        new PriceFilter(0.1m, 1_000_000m, 0.1m),
        new LotSizeFilter(0.001m, 1_000m, 0.001m),
        new LotSizeFilter(0.001m, 120m, 0.001m),
        new MinNotionalFilter(5m),
        new PercentPriceFilter(1.05m, 0.95m, 4),
        maxNumOrders: 200,
        maxNumAlgoOrders: 100,
        BtcUsdtBrackets,
        liquidationFeeRate: 0.015m,
        marketTakeBound: 0.05m);

    /// <summary>ETHUSDT: price 0.01–100,000 tick 0.01; quantity 0.001–10,000 (MARKET up to 2,000) step 0.001.</summary>
    public static Instrument EthUsdt { get; } = new(
        new Symbol("ETHUSDT"),
        "ETH",
        "USDT",
        pricePrecision: 2,
        quantityPrecision: 3,
        new PriceFilter(0.01m, 100_000m, 0.01m),
        new LotSizeFilter(0.001m, 10_000m, 0.001m),
        new LotSizeFilter(0.001m, 2_000m, 0.001m),
        new MinNotionalFilter(5m),
        new PercentPriceFilter(1.05m, 0.95m, 4),
        maxNumOrders: 200,
        maxNumAlgoOrders: 100,
        EthUsdtBrackets,
        liquidationFeeRate: 0.015m,
        marketTakeBound: 0.05m);

    /// <summary>SOLUSDT: price 0.42–6,857 tick 0.01 (minPrice ≠ 0); quantity 0.01–1,000,000 (MARKET up to 5,000) step 0.01.</summary>
    public static Instrument SolUsdt { get; } = new(
        new Symbol("SOLUSDT"),
        "SOL",
        "USDT",
        pricePrecision: 4,
        quantityPrecision: 2,
        new PriceFilter(0.42m, 6_857m, 0.01m),
        new LotSizeFilter(0.01m, 1_000_000m, 0.01m),
        new LotSizeFilter(0.01m, 5_000m, 0.01m),
        new MinNotionalFilter(5m),
        new PercentPriceFilter(1.1m, 0.9m, 4),
        maxNumOrders: 200,
        maxNumAlgoOrders: 100,
        AltBrackets,
        liquidationFeeRate: 0.02m,
        marketTakeBound: 0.1m);

    /// <summary>SUIUSDT: price 0.0001–2,000 tick 0.0001; quantity 0.1–10,000,000 (MARKET up to 500,000) step 0.1.</summary>
    public static Instrument SuiUsdt { get; } = new(
        new Symbol("SUIUSDT"),
        "SUI",
        "USDT",
        pricePrecision: 4,
        quantityPrecision: 1,
        new PriceFilter(0.0001m, 2_000m, 0.0001m),
        new LotSizeFilter(0.1m, 10_000_000m, 0.1m),
        new LotSizeFilter(0.1m, 500_000m, 0.1m),
        new MinNotionalFilter(5m),
        new PercentPriceFilter(1.15m, 0.85m, 4),
        maxNumOrders: 200,
        maxNumAlgoOrders: 100,
        AltBrackets,
        liquidationFeeRate: 0.02m,
        marketTakeBound: 0.15m);

    /// <summary>All four test instruments.</summary>
    public static IReadOnlyList<Instrument> All { get; } = [BtcUsdt, EthUsdt, SolUsdt, SuiUsdt];

    /// <summary>A typical recent mark price per test instrument, for generating realistic orders.</summary>
    public static decimal TypicalPrice(Instrument instrument) => instrument.Symbol.Value switch
    {
        "BTCUSDT" => 65_000m,
        "ETHUSDT" => 3_200m,
        "SOLUSDT" => 150m,
        "SUIUSDT" => 1.5m,
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument.Symbol, "Not one of the test instruments."),
    };
}
