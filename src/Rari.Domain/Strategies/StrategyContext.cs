using Rari.Domain.Instruments;
using Rari.Domain.Market;

namespace Rari.Domain.Strategies;

/// <summary>
/// The read-only view of the world a strategy decides with, built by its host (actor or backtester) for every input.
/// </summary>
/// <remarks>
/// A value, not an object: a backtest builds one for every bar, and as a class it was most of what a quiet bar
/// allocated. Strategies take it <c>in</c> (by reference, never copied) and, being read-only, can neither change it nor
/// see it change: a copy they keep is a snapshot. <c>default</c> is no context at all (its
/// <see cref="Instrument"/> is null); strategies refuse it like a null argument.
/// </remarks>
/// <param name="TimestampMs">Market time of the input, UTC epoch milliseconds.</param>
/// <param name="Instrument">The symbol's filters, used to round every price and quantity the strategy emits.</param>
/// <param name="PositionQuantity">The account's signed net position in the symbol (one-way mode), base units.</param>
/// <param name="PositionEntryPrice">Average entry price of that position; 0 when flat.</param>
/// <param name="Equity">Account equity (wallet + unrealized PnL), USDT.</param>
/// <param name="AvailableBalance">Margin still free for new orders, USDT.</param>
/// <param name="Leverage">The leverage set on the symbol.</param>
/// <param name="MakerFeeRate">Fee rate for resting orders, e.g. 0.0002.</param>
/// <param name="TakerFeeRate">Fee rate for taking orders, e.g. 0.0004.</param>
/// <param name="TradingState">Whether new exposure is allowed now.</param>
/// <param name="MarkPrice">Latest mark price, when known.</param>
/// <param name="Book">The local L2 book, when the host keeps one; used for liquidity checks. Read it, never change it.</param>
public readonly record struct StrategyContext(
    long TimestampMs,
    Instrument Instrument,
    decimal PositionQuantity,
    decimal PositionEntryPrice,
    decimal Equity,
    decimal AvailableBalance,
    int Leverage,
    decimal MakerFeeRate,
    decimal TakerFeeRate,
    TradingState TradingState = TradingState.Active,
    decimal? MarkPrice = null,
    OrderBook? Book = null);
