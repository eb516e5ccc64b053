using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>
/// Private builders for the volatility and hybrid specs: contexts, bars and order events.
/// </summary>
internal static class VolatilityTestKit
{
    public const long MinuteMs = TestKlines.MinuteMs;
    public const long T0 = TestKlines.Jan2024Ms;

    public static readonly StrategyId VolId = new("vol");
    public static readonly Symbol Eth = new("ETHUSDT");
    public static readonly ClientOrderIdFactory Ids = new();

    /// <summary>Small windows so that a handful of bars shows a signal.</summary>
    public static VolatilitySettings MeanReversionOnly { get; } = new()
    {
        MomentumEnabled = false,
        MeanReversionWindow = 5,
        ZScoreThreshold = 1.5,
        AtrPeriod = 3,
        ExpansionShortWindow = 3,
        ExpansionLongWindow = 10,
        BreakoutLookback = 5,
    };

    public static VolatilitySettings MomentumOnly { get; } = MeanReversionOnly with { MomentumEnabled = true, MeanReversionEnabled = false };

    public static StrategyContext Context(
        long timestampMs,
        decimal position = 0m,
        decimal entryPrice = 0m,
        decimal equity = 10_000m,
        decimal available = 10_000m,
        int leverage = 10,
        TradingState state = TradingState.Active,
        Instrument? instrument = null,
        decimal? mark = null) =>
        new(timestampMs, instrument ?? TestInstruments.EthUsdt, position, entryPrice, equity, available, leverage, 0.0002m, 0.0004m, state, mark);

    /// <summary>Close time of the bar that opens at <paramref name="openTimeMs"/>: the market time a host stamps on it.</summary>
    public static long CloseOf(long openTimeMs) => openTimeMs + MinuteMs;

    public static Kline Bar(int index, decimal close, decimal? high = null, decimal? low = null, decimal? open = null)
    {
        var o = open ?? close;
        return new Kline(T0 + (index * MinuteMs), o, high ?? Math.Max(o, close), low ?? Math.Min(o, close), close, 1m);
    }

    public static OrderFilled Filled(OrderIntent intent, decimal quantity, decimal price, long tradeId, decimal fee = 0m, long timestampMs = T0) =>
        new(new Fill(intent.Symbol, intent.ClientOrderId, new VenueOrderId(tradeId), new TradeId(tradeId), intent.Side, intent.PositionSide, price, quantity, fee, LiquiditySide.Taker, timestampMs));

    public static OrderCanceled Canceled(OrderIntent intent, long timestampMs = T0) => new(intent.Symbol, intent.ClientOrderId, timestampMs);

    public static OrderCanceled Canceled(Symbol symbol, ClientOrderId id, long timestampMs = T0) => new(symbol, id, timestampMs);

    public static OrderRejected Rejected(OrderIntent intent, long timestampMs = T0) =>
        new(intent.Symbol, intent.ClientOrderId, -2021, "Order would immediately trigger.", timestampMs);

    public static IReadOnlyList<PlaceOrder> Places(this StrategyDecision decision) => decision.Commands.OfType<PlaceOrder>().ToArray();

    public static IReadOnlyList<CancelOrder> Cancels(this StrategyDecision decision) => decision.Commands.OfType<CancelOrder>().ToArray();

    public static T Single<T>(this StrategyDecision decision) => Assert.Single(decision.Events.OfType<T>());
}
