namespace Rari.Domain.Market;

/// <summary>
/// One candle: prices and volume over <c>[OpenTimeMs, OpenTimeMs + interval)</c>. Used for recorded data,
/// the backtester and the live kline stream alike.
/// </summary>
/// <param name="OpenTimeMs">Candle open time, UTC epoch milliseconds.</param>
/// <param name="Open">First traded price.</param>
/// <param name="High">Highest traded price.</param>
/// <param name="Low">Lowest traded price.</param>
/// <param name="Close">Last traded price.</param>
/// <param name="Volume">Traded quantity in the base asset (contracts for USDT-margined perpetuals).</param>
/// <param name="QuoteVolume">Traded value in the quote asset, or 0 when the source did not record it.</param>
/// <param name="Trades">Number of trades, or 0 when the source did not record it.</param>
public readonly record struct Kline(
    long OpenTimeMs,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal QuoteVolume = 0m,
    long Trades = 0);
