using Akka.Actor;
using Akka.Event;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Actors.MarketData;

// What arrives per symbol: klines (deduplicated, and filled after a gap), tickers, depth, and the staleness watchdog.
public sealed partial class MarketDataStream
{
    /// <summary>The fewest bars a fill asks for, however short the gap looked.</summary>
    private const int MinFillBars = 10;

    /// <summary>The most bars a fill asks for (one REST page).</summary>
    private const int MaxFillBars = 1500;

    private void OnKline(KlineClosed kline, long nowMs)
    {
        if (!_feeds.TryGetValue(kline.Symbol, out var feed))
        {
            return;
        }

        Touch(feed, nowMs);
        if (feed.Held is { } held)
        {
            held.Add(kline);
            return;
        }

        if (!TellKline(feed, kline))
        {
            _log.Debug("{0}: kline {1} repeated or older than {2}; dropped", kline.Symbol, kline.Kline.OpenTimeMs, feed.LastKlineOpenMs);
        }
    }

    /// <summary>Tells a kline newer than the last one told; false for a repeat or an older one.</summary>
    private bool TellKline(SymbolFeed feed, KlineClosed kline)
    {
        if (kline.Kline.OpenTimeMs <= feed.LastKlineOpenMs)
        {
            return false;
        }

        feed.LastKlineOpenMs = kline.Kline.OpenTimeMs;
        Tell(feed, kline);
        return true;
    }

    private void OnTouch(Symbol symbol, object? message, long nowMs)
    {
        if (!_feeds.TryGetValue(symbol, out var feed))
        {
            return;
        }

        Touch(feed, nowMs);
        if (message is not null)
        {
            Tell(feed, message);
        }
    }

    /// <summary>Notes an event for the symbol; a stale symbol is told first that its data flows again.</summary>
    private void Touch(SymbolFeed feed, long now)
    {
        if (feed.IsStale)
        {
            feed.IsStale = false;
            var silentFor = now - feed.LastHeardMs;
            _log.Info("{0}: market data flows again after {1} ms of silence", feed.Symbol, silentFor);
            TellNow(feed, new MarketDataResumed(feed.Symbol, silentFor));
        }

        feed.LastEventAtMs = now;
    }

    private void CheckStale()
    {
        var now = NowMs;
        var limitMs = (long)_settings.StalenessLimit.TotalMilliseconds;
        foreach (var feed in _feeds.Values)
        {
            if (!feed.IsStale && now - feed.LastHeardMs > limitMs)
            {
                feed.IsStale = true;
                _log.Warning("{0}: no market data for {1} ms (limit {2} ms); its trading pauses", feed.Symbol, now - feed.LastHeardMs, limitMs);
                TellNow(feed, new MarketDataStale(feed.Symbol, feed.LastEventAtMs, now));
            }
        }
    }

    private void OnDepth(DepthUpdate update, long nowMs)
    {
        if (!_feeds.TryGetValue(update.Symbol, out var feed))
        {
            return;
        }

        Touch(feed, nowMs);
        if (feed.Book is not { } book)
        {
            return;
        }

        try
        {
            book.Apply(update);
        }
        catch (ArgumentException invalid)
        {
            _log.Warning("{0}: depth update {1} could not be applied ({2}); the book resyncs", update.Symbol, update.FinalUpdateId, invalid.Message);
            book.Restart();
            return;
        }

        if (!book.IsSynced)
        {
            return;
        }

        var levels = _settings.OrderBookLevels;
        var view = book.Read(b => b.LastUpdateId == feed.LastBookUpdateId
            ? null
            : new OrderBookChanged(feed.Symbol, b.LastUpdateId, update.EventTimeMs, [.. b.TopLevels(BookSide.Bid, levels)], [.. b.TopLevels(BookSide.Ask, levels)]));
        if (view is not null)
        {
            feed.LastBookUpdateId = view.LastUpdateId;
            Tell(feed, view);
        }
    }

    private void OnConnection(MarketStreamEvent connection)
    {
        switch (connection)
        {
            case StreamConnected connected:
                // A reconnect, or a first connection of a stream rebuilt after a failure, follows a time without data.
                var missed = connected.Reason == StreamConnectReason.Reconnect || (connected.Reason == StreamConnectReason.Initial && _connections > 0);
                _connections++;
                _connected = true;
                _log.Info("Market stream connected ({0}, connection {1})", connected.Reason, _connections);
                if (missed)
                {
                    Resync();
                }

                break;
            case StreamDisconnected lost:
                if (_connected)
                {
                    _disconnectedAtMs = NowMs;
                }

                _connected = false;
                _log.Warning("Market stream lost its connection ({0}); reconnecting in {1} ms", lost.Reason, (long)lost.RetryIn.TotalMilliseconds);
                break;
            case SubscriptionDropped dropped:
                _log.Error("The venue no longer carries {0} ({1}); those symbols will go stale", string.Join(", ", dropped.Streams), dropped.Reason);
                break;
        }
    }

    /// <summary>After missed data: books start over, and each symbol's missed klines are fetched while live ones wait.</summary>
    private void Resync()
    {
        var gapMs = _disconnectedAtMs > 0 ? NowMs - _disconnectedAtMs : 0;
        _disconnectedAtMs = 0;
        var count = (int)Math.Clamp((gapMs / 60_000) + MinFillBars, MinFillBars, MaxFillBars);
        foreach (var feed in _feeds.Values)
        {
            if (feed.Book is { } book)
            {
                book.Restart();
                feed.LastBookUpdateId = -1;
            }

            if (_history is null || feed.LastKlineOpenMs == long.MinValue)
            {
                continue;
            }

            feed.Held ??= [];
            var generation = ++feed.FillGeneration;
            var symbol = feed.Symbol;
            _history.GetClosedKlinesAsync(symbol, count).PipeTo(
                Self,
                success: bars => new BackfillLoaded(symbol, generation, bars, null),
                failure: e => new BackfillLoaded(symbol, generation, [], e));
        }
    }

    private void OnBackfill(BackfillLoaded loaded)
    {
        if (!_feeds.TryGetValue(loaded.Symbol, out var feed) || feed.FillGeneration != loaded.Generation || feed.Held is not { } held)
        {
            return;
        }

        var now = NowMs;
        var filled = 0;
        if (loaded.Error is { } error)
        {
            _log.Warning("{0}: the klines missed while disconnected could not be fetched ({1}); the strategy sees a gap", loaded.Symbol, error.Message);
        }
        else
        {
            foreach (var bar in loaded.Bars)
            {
                // Only bars before the first held live one: the fill must not run ahead of what is still to come.
                if ((held.Count == 0 || bar.OpenTimeMs < held[0].Kline.OpenTimeMs) && TellKline(feed, new KlineClosed(feed.Symbol, bar, now)))
                {
                    filled++;
                }
            }
        }

        feed.Held = null;
        foreach (var kline in held)
        {
            TellKline(feed, kline);
        }

        if (filled > 0)
        {
            _log.Info("{0}: {1} kline(s) missed while disconnected were filled from REST", loaded.Symbol, filled);
        }
    }

    private sealed record BackfillLoaded(Symbol Symbol, int Generation, IReadOnlyList<Kline> Bars, Exception? Error);
}
