using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Models;

/// <summary>Turns market-data answers into the domain's market types.</summary>
public static class MarketDataMapping
{
    /// <summary>The domain kline (open time, OHLC, base and quote volume, trade count).</summary>
    public static Kline ToKline(this AsterKline kline)
    {
        ArgumentNullException.ThrowIfNull(kline);
        return new Kline(kline.OpenTime, kline.Open, kline.High, kline.Low, kline.Close, kline.Volume, kline.QuoteVolume, kline.TradeCount);
    }

    /// <summary>The domain depth snapshot, timed by the transaction time <c>T</c>.</summary>
    public static DepthSnapshot ToDepthSnapshot(this AsterDepth depth, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(depth);
        return new DepthSnapshot(symbol, depth.LastUpdateId, depth.Bids, depth.Asks, depth.TransactionTime);
    }

    /// <summary>The domain book ticker.</summary>
    public static BookTicker ToBookTicker(this AsterBookTicker ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        return new BookTicker(new Symbol(ticker.Symbol), ticker.BidPrice, ticker.BidQty, ticker.AskPrice, ticker.AskQty, ticker.LastUpdateId, ticker.Time);
    }

    /// <summary>The domain aggregate trade.</summary>
    public static Trade ToTrade(this AsterAggTrade trade, Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new Trade(symbol, trade.Id, trade.Price, trade.Quantity, trade.Time, trade.IsBuyerMaker);
    }

    /// <summary>The domain mark-price update.</summary>
    public static MarkPriceUpdate ToMarkPriceUpdate(this AsterPremiumIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new MarkPriceUpdate(
            new Symbol(index.Symbol), index.MarkPrice, index.IndexPrice, index.EstimatedSettlePrice, index.LastFundingRate, index.NextFundingTime, index.Time);
    }

    /// <summary>The domain settled funding rate.</summary>
    public static FundingRateUpdate ToFundingRateUpdate(this AsterFundingRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return new FundingRateUpdate(new Symbol(rate.Symbol), rate.FundingRate, rate.FundingTime);
    }
}
