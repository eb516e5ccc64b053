using Rari.Domain.Identifiers;

namespace Rari.Aster.Streams;

/// <summary>Rolling 24-hour statistics of one symbol (<c>24hrTicker</c>, streams <c>@ticker</c> and <c>!ticker@arr</c>).</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="PriceChange"><c>p</c>: last − open.</param>
/// <param name="PriceChangePercent"><c>P</c>, e.g. 1.25 for +1.25 %.</param>
/// <param name="WeightedAveragePrice"><c>w</c>: volume-weighted average price.</param>
/// <param name="LastPrice"><c>c</c>.</param>
/// <param name="LastQuantity"><c>Q</c>.</param>
/// <param name="OpenPrice"><c>o</c>.</param>
/// <param name="HighPrice"><c>h</c>.</param>
/// <param name="LowPrice"><c>l</c>.</param>
/// <param name="Volume"><c>v</c>: base volume.</param>
/// <param name="QuoteVolume"><c>q</c>: quote volume.</param>
/// <param name="OpenTimeMs"><c>O</c>: start of the window, UTC epoch ms.</param>
/// <param name="CloseTimeMs"><c>C</c>: end of the window, UTC epoch ms.</param>
/// <param name="FirstTradeId"><c>F</c>.</param>
/// <param name="LastTradeId"><c>L</c>.</param>
/// <param name="TradeCount"><c>n</c>.</param>
public sealed record Ticker24Hour(
    Symbol Symbol,
    decimal PriceChange,
    decimal PriceChangePercent,
    decimal WeightedAveragePrice,
    decimal LastPrice,
    decimal LastQuantity,
    decimal OpenPrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal Volume,
    decimal QuoteVolume,
    long OpenTimeMs,
    long CloseTimeMs,
    long FirstTradeId,
    long LastTradeId,
    long TradeCount);

/// <summary>Rolling 24-hour prices and volumes of one symbol (<c>24hrMiniTicker</c>, streams <c>@miniTicker</c> and <c>!miniTicker@arr</c>).</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="ClosePrice"><c>c</c>: the last price.</param>
/// <param name="OpenPrice"><c>o</c>.</param>
/// <param name="HighPrice"><c>h</c>.</param>
/// <param name="LowPrice"><c>l</c>.</param>
/// <param name="Volume"><c>v</c>: base volume.</param>
/// <param name="QuoteVolume"><c>q</c>: quote volume.</param>
public sealed record MiniTicker24Hour(
    Symbol Symbol,
    decimal ClosePrice,
    decimal OpenPrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal Volume,
    decimal QuoteVolume);
