using System.Text.Json.Serialization;
using Rari.Domain.Market;

namespace Rari.Aster.Models;

/// <summary>The answer of <c>GET /time</c>.</summary>
public sealed record AsterServerTime
{
    /// <summary>Server time, UTC epoch ms.</summary>
    public long ServerTime { get; init; }
}

/// <summary>An order-book snapshot (<c>GET depth</c>); bids best (highest) first, asks best (lowest) first.</summary>
public sealed record AsterDepth
{
    /// <summary>The book update id the snapshot reflects.</summary>
    public long LastUpdateId { get; init; }

    /// <summary>Message output time (<c>E</c>), UTC epoch ms.</summary>
    [JsonPropertyName("E")]
    public long EventTime { get; init; }

    /// <summary>Transaction time (<c>T</c>), UTC epoch ms.</summary>
    [JsonPropertyName("T")]
    public long TransactionTime { get; init; }

    /// <summary>Bid levels.</summary>
    public IReadOnlyList<BookLevel> Bids { get; init; } = [];

    /// <summary>Ask levels.</summary>
    public IReadOnlyList<BookLevel> Asks { get; init; } = [];
}

/// <summary>One recent trade (<c>GET trades</c>).</summary>
public sealed record AsterTrade
{
    /// <summary>Trade id.</summary>
    public long Id { get; init; }

    /// <summary>Price.</summary>
    public decimal Price { get; init; }

    /// <summary>Quantity in base units.</summary>
    public decimal Qty { get; init; }

    /// <summary>Price × quantity.</summary>
    public decimal QuoteQty { get; init; }

    /// <summary>Trade time, UTC epoch ms.</summary>
    public long Time { get; init; }

    /// <summary>Whether the buyer's order was resting (the taker sold).</summary>
    public bool IsBuyerMaker { get; init; }
}

/// <summary>One aggregate trade (<c>GET aggTrades</c>).</summary>
public sealed record AsterAggTrade
{
    /// <summary>Aggregate trade id (<c>a</c>).</summary>
    [JsonPropertyName("a")]
    public long Id { get; init; }

    /// <summary>Price (<c>p</c>).</summary>
    [JsonPropertyName("p")]
    public decimal Price { get; init; }

    /// <summary>Quantity (<c>q</c>).</summary>
    [JsonPropertyName("q")]
    public decimal Quantity { get; init; }

    /// <summary>First trade id (<c>f</c>).</summary>
    [JsonPropertyName("f")]
    public long FirstTradeId { get; init; }

    /// <summary>Last trade id (<c>l</c>).</summary>
    [JsonPropertyName("l")]
    public long LastTradeId { get; init; }

    /// <summary>Trade time (<c>T</c>), UTC epoch ms.</summary>
    [JsonPropertyName("T")]
    public long Time { get; init; }

    /// <summary>Whether the buyer was the maker (<c>m</c>).</summary>
    [JsonPropertyName("m")]
    public bool IsBuyerMaker { get; init; }
}

/// <summary>One kline, read from the venue's 12-element array.</summary>
public sealed record AsterKline
{
    /// <summary>Open time, UTC epoch ms.</summary>
    public long OpenTime { get; init; }

    /// <summary>Open price.</summary>
    public decimal Open { get; init; }

    /// <summary>High price.</summary>
    public decimal High { get; init; }

    /// <summary>Low price.</summary>
    public decimal Low { get; init; }

    /// <summary>Close price.</summary>
    public decimal Close { get; init; }

    /// <summary>Volume in base units.</summary>
    public decimal Volume { get; init; }

    /// <summary>Close time (the last millisecond of the bar), UTC epoch ms.</summary>
    public long CloseTime { get; init; }

    /// <summary>Volume in the quote asset.</summary>
    public decimal QuoteVolume { get; init; }

    /// <summary>Number of trades (mark and index klines: number of data points).</summary>
    public long TradeCount { get; init; }

    /// <summary>Taker-buy volume in base units.</summary>
    public decimal TakerBuyBaseVolume { get; init; }

    /// <summary>Taker-buy volume in the quote asset.</summary>
    public decimal TakerBuyQuoteVolume { get; init; }
}

/// <summary>Mark price and funding of one symbol (<c>GET premiumIndex</c>).</summary>
public sealed record AsterPremiumIndex
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Mark price.</summary>
    public decimal MarkPrice { get; init; }

    /// <summary>Index price.</summary>
    public decimal IndexPrice { get; init; }

    /// <summary>Estimated settle price; meaningful only in the last hour before settlement.</summary>
    public decimal EstimatedSettlePrice { get; init; }

    /// <summary>The latest funding rate.</summary>
    public decimal LastFundingRate { get; init; }

    /// <summary>Next funding time, UTC epoch ms.</summary>
    public long NextFundingTime { get; init; }

    /// <summary>Interest rate.</summary>
    public decimal InterestRate { get; init; }

    /// <summary>Time of the values, UTC epoch ms.</summary>
    public long Time { get; init; }
}

/// <summary>One settled funding rate (<c>GET fundingRate</c>).</summary>
public sealed record AsterFundingRate
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>The settled rate.</summary>
    public decimal FundingRate { get; init; }

    /// <summary>Settlement time, UTC epoch ms.</summary>
    public long FundingTime { get; init; }
}

/// <summary>Funding configuration of one symbol (<c>GET fundingInfo</c>).</summary>
public sealed record AsterFundingInfo
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Interest rate.</summary>
    public decimal InterestRate { get; init; }

    /// <summary>Time of the values, UTC epoch ms.</summary>
    public long Time { get; init; }

    /// <summary>Hours between funding settlements (e.g. 8 or 4); differs per symbol.</summary>
    public int FundingIntervalHours { get; init; }

    /// <summary>Highest funding rate (e.g. 0.03).</summary>
    public decimal FundingFeeCap { get; init; }

    /// <summary>Lowest funding rate (e.g. −0.03).</summary>
    public decimal FundingFeeFloor { get; init; }
}

/// <summary>Rolling 24-hour statistics of one symbol (<c>GET ticker/24hr</c>).</summary>
public sealed record AsterTicker24Hour
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Price change over the window.</summary>
    public decimal PriceChange { get; init; }

    /// <summary>Price change in percent.</summary>
    public decimal PriceChangePercent { get; init; }

    /// <summary>Volume-weighted average price.</summary>
    public decimal WeightedAvgPrice { get; init; }

    /// <summary>Previous close.</summary>
    public decimal PrevClosePrice { get; init; }

    /// <summary>Last price.</summary>
    public decimal LastPrice { get; init; }

    /// <summary>Last quantity.</summary>
    public decimal LastQty { get; init; }

    /// <summary>Open price of the window.</summary>
    public decimal OpenPrice { get; init; }

    /// <summary>High of the window.</summary>
    public decimal HighPrice { get; init; }

    /// <summary>Low of the window.</summary>
    public decimal LowPrice { get; init; }

    /// <summary>Base volume.</summary>
    public decimal Volume { get; init; }

    /// <summary>Quote volume.</summary>
    public decimal QuoteVolume { get; init; }

    /// <summary>Window start, UTC epoch ms.</summary>
    public long OpenTime { get; init; }

    /// <summary>Window end, UTC epoch ms.</summary>
    public long CloseTime { get; init; }

    /// <summary>First trade id in the window.</summary>
    public long FirstId { get; init; }

    /// <summary>Last trade id in the window.</summary>
    public long LastId { get; init; }

    /// <summary>Number of trades.</summary>
    public long Count { get; init; }
}

/// <summary>The last price of one symbol (<c>GET ticker/price</c>).</summary>
public sealed record AsterPriceTicker
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Last price.</summary>
    public decimal Price { get; init; }

    /// <summary>Time, UTC epoch ms.</summary>
    public long Time { get; init; }
}

/// <summary>Best bid and ask of one symbol (<c>GET ticker/bookTicker</c>).</summary>
public sealed record AsterBookTicker
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Best bid price.</summary>
    public decimal BidPrice { get; init; }

    /// <summary>Quantity at the best bid.</summary>
    public decimal BidQty { get; init; }

    /// <summary>Best ask price.</summary>
    public decimal AskPrice { get; init; }

    /// <summary>Quantity at the best ask.</summary>
    public decimal AskQty { get; init; }

    /// <summary>Book update id (observed in real responses, not documented).</summary>
    public long LastUpdateId { get; init; }

    /// <summary>Time, UTC epoch ms.</summary>
    public long Time { get; init; }
}
