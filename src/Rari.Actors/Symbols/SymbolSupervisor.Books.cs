using Akka.Actor;
using Rari.Actors.MarketData;

namespace Rari.Actors.Symbols;

// The symbol's order book: every update to the strategy (its liquidity checks), and to the risk gate at a bounded rate
// (its depth and slippage rules), so twenty symbols' books do not flood one singleton. The rate is counted in market
// time, as the gate judges a book's age, so a replay at any speed passes books as live trading would; a wall-clock
// timer sends a held-back book when the updates pause.
public sealed partial class SymbolSupervisor
{
    private OrderBookChanged? _bookForGate;
    private long? _bookSentToGateAtMs;

    private void OnOrderBook(OrderBookChanged book)
    {
        if (book.Symbol != _symbol)
        {
            return;
        }

        Deliver(book);
        _bookForGate = book;
        if (_bookSentToGateAtMs is not { } sentAtMs || book.EventTimeMs - sentAtMs >= (long)_settings.BookToRiskGateInterval.TotalMilliseconds)
        {
            SendBookToGate();
        }
        else if (!Timers.IsTimerActive(nameof(FlushBookToGate)))
        {
            Timers.StartSingleTimer(nameof(FlushBookToGate), FlushBookToGate.Instance, _settings.BookToRiskGateInterval);
        }
    }

    private void SendBookToGate()
    {
        if (_bookForGate is not { } book)
        {
            return;
        }

        _riskGate.Tell(book);
        _bookForGate = null;
        _bookSentToGateAtMs = book.EventTimeMs;
    }

    /// <summary>The timer that passes on the latest book held back by the interval.</summary>
    private sealed record FlushBookToGate
    {
        public static FlushBookToGate Instance { get; } = new();
    }
}
