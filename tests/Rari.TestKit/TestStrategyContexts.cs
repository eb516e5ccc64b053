using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Strategies;

namespace Rari.TestKit;

/// <summary>
/// Builds <see cref="StrategyContext"/> values for strategy tests: a healthy account (10,000 USDT equity, 5x leverage,
/// maker 0.02 %, taker 0.04 %, trading active, flat) unless the test says otherwise, and small order books.
/// </summary>
public static class TestStrategyContexts
{
    /// <summary>The default account equity, USDT.</summary>
    public const decimal Equity = 10_000m;

    /// <summary>The default leverage.</summary>
    public const int Leverage = 5;

    /// <summary>The default maker fee rate (0.02 %).</summary>
    public const decimal MakerFeeRate = 0.0002m;

    /// <summary>The default taker fee rate (0.04 %).</summary>
    public const decimal TakerFeeRate = 0.0004m;

    /// <summary>A context for <paramref name="instrument"/> at <paramref name="timestampMs"/>; every account field can be overridden.</summary>
    public static StrategyContext For(
        Instrument instrument,
        long timestampMs = TestKlines.Jan2024Ms,
        decimal equity = Equity,
        decimal? availableBalance = null,
        int leverage = Leverage,
        decimal makerFeeRate = MakerFeeRate,
        decimal takerFeeRate = TakerFeeRate,
        TradingState tradingState = TradingState.Active,
        decimal? markPrice = null,
        OrderBook? book = null,
        decimal positionQuantity = 0m,
        decimal positionEntryPrice = 0m) =>
        new(
            timestampMs,
            instrument,
            positionQuantity,
            positionEntryPrice,
            equity,
            availableBalance ?? equity,
            leverage,
            makerFeeRate,
            takerFeeRate,
            tradingState,
            markPrice,
            book);

    /// <summary>A BTCUSDT context (<see cref="TestInstruments.BtcUsdt"/>).</summary>
    public static StrategyContext Btc(long timestampMs = TestKlines.Jan2024Ms, TradingState tradingState = TradingState.Active, decimal equity = Equity, OrderBook? book = null) =>
        For(TestInstruments.BtcUsdt, timestampMs, equity, tradingState: tradingState, book: book);

    /// <summary>
    /// A book for <paramref name="instrument"/> with the given bid and ask levels, each as (price, quantity); bids and
    /// asks may come in any order.
    /// </summary>
    public static OrderBook Book(Instrument instrument, IEnumerable<(decimal Price, decimal Quantity)> bids, IEnumerable<(decimal Price, decimal Quantity)> asks)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var book = new OrderBook(instrument.Symbol);
        book.ApplyLevels(
            bids.Select(level => new BookLevel(level.Price, level.Quantity)).ToArray(),
            asks.Select(level => new BookLevel(level.Price, level.Quantity)).ToArray());
        return book;
    }

    /// <summary>
    /// A symmetric book around <paramref name="mid"/>: <paramref name="levels"/> levels a side, <paramref name="tick"/>
    /// apart starting one tick from the mid, each holding <paramref name="quantityPerLevel"/>.
    /// </summary>
    public static OrderBook EvenBook(Instrument instrument, decimal mid, decimal tick, int levels, decimal quantityPerLevel) =>
        Book(
            instrument,
            Enumerable.Range(1, levels).Select(i => (mid - (i * tick), quantityPerLevel)),
            Enumerable.Range(1, levels).Select(i => (mid + (i * tick), quantityPerLevel)));
}
