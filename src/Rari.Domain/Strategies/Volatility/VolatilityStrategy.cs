using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// Trades volatility on one symbol, one position at a time: momentum breakouts confirmed by volatility expansion and
/// confirmed mean-reversion extremes, sized to a target risk per trade, protected by reduce-only stop-loss and
/// take-profit orders resting at the venue, with an optional trailing stop and a time-based exit.
/// </summary>
/// <remarks>
/// <para><b>Round trip.</b> Flat → a signal sends the entry (<see cref="EntrySignalled"/>) → Entering → the entry
/// fills, or ends with a partial fill (a resting entry is cancelled after <see cref="VolatilitySettings.EntryTimeout"/>):
/// <see cref="PositionOpened"/> and, in the same decision, the reduce-only STOP_MARKET and TAKE_PROFIT_MARKET sized to the
/// filled quantity (<see cref="ExitOrdersPlaced"/>) → InPosition → an exit fills and the other exits are cancelled
/// (<see cref="PositionClosed"/>), or the holding time runs out / an exit order is lost and the position is closed with a
/// reduce-only MARKET (<see cref="PositionCloseRequested"/>) → Exiting while leftover cancels are confirmed → Flat. A new
/// entry waits until every order of the last round trip has ended, so a stale reduce-only exit can never cut into the
/// next position.</para>
/// <para><b>Exits that are lost.</b> If the stop or the take-profit ends without our asking (rejected because the price
/// already passed it, expired, cancelled by the venue), the position is closed at market at once rather than left
/// unprotected. A rejected market close is retried on the next bar.</para>
/// <para><b>Trading state.</b> Reducing: no new entries, a resting entry is cancelled, exits (trailing, time exit) continue.
/// Halted: no new orders at all, only cancels; exits that could not be placed while halted are placed on the first bar after.
/// Order events for orders the strategy does not own are ignored; a repeated execution (same trade id) is counted once;
/// a cancel refused by the venue changes nothing (the order's real end arrives as its own event).</para>
/// <para><b>Partial entry fills.</b> Exits are sized to the filled quantity once the entry is done. With the default
/// MARKET entry that is immediate; a resting limit entry that is partly filled is protected at the latest after its
/// timeout. An entry fill reported after the entry ended (reports race each other) would outgrow the exits, so the
/// position is then closed at market.</para>
/// <para>Market state (indicators, the last book ticker) lives in <see cref="VolatilitySignalDetector"/>; decision state in
/// <see cref="VolatilityState"/>. OnKline on a bar that decides nothing allocates nothing.</para>
/// </remarks>
public sealed partial class VolatilityStrategy : ITradingStrategy, IPositionTransfer, IMarketStateObserver
{
    private readonly VolatilitySettings _settings;
    private readonly ClientOrderIdFactory _ids;
    private readonly VolatilitySignalDetector _signals;
    private VolatilityState _state;
    private ClientOrderId[] _openOrders = [];
    private BookTicker? _lastTicker;

    /// <summary>Creates the strategy, flat and with empty indicators.</summary>
    /// <param name="id">The strategy id, part of every client order id (at most 10 letters, digits or '_').</param>
    /// <param name="symbol">The symbol to trade.</param>
    /// <param name="settings">The parameters; validated here.</param>
    /// <param name="ids">The client-order-id factory; the default prefix when null.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or the id cannot go into a client order id.</exception>
    public VolatilityStrategy(StrategyId id, Symbol symbol, VolatilitySettings settings, ClientOrderIdFactory? ids = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        _ids = ids ?? new ClientOrderIdFactory();

        // Fails now, not at the first order, when the id or symbol cannot form a client order id.
        _ids.Create(id, symbol, 0);
        Id = id;
        Symbol = symbol;
        _settings = settings;
        _signals = new VolatilitySignalDetector(settings);
        _state = new VolatilityState(id, symbol);
    }

    /// <inheritdoc />
    public StrategyId Id { get; }

    /// <inheritdoc />
    public Symbol Symbol { get; }

    /// <summary>The parameters.</summary>
    public VolatilitySettings Settings => _settings;

    /// <summary>The decision state (the same value <see cref="Snapshot"/> returns).</summary>
    public VolatilityState State => _state;

    /// <summary>The market state: indicators and the latest bar's signal.</summary>
    public VolatilitySignalDetector Signals => _signals;

    /// <inheritdoc />
    public IReadOnlyCollection<ClientOrderId> OpenOrders => _openOrders;

    /// <inheritdoc />
    public void WarmUp(IEnumerable<Kline> closedKlines)
    {
        ArgumentNullException.ThrowIfNull(closedKlines);
        foreach (var kline in closedKlines)
        {
            _signals.Update(kline);
        }
    }

    /// <inheritdoc />
    public void Observe(in Kline closedKline) => _signals.Update(closedKline);

    /// <inheritdoc />
    public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        _signals.Update(closedKline);
        var decision = new VolatilityDecisionBuilder(_state);
        switch (_state.Phase)
        {
            case VolatilityPhase.Flat:
                DecideEntry(ref decision, closedKline, context);
                break;
            case VolatilityPhase.Entering:
                ManageEntry(ref decision, context);
                break;
            case VolatilityPhase.InPosition:
                ManagePosition(ref decision, closedKline, context);
                break;
            case VolatilityPhase.Exiting:
                ManageExit(ref decision, context);
                break;
        }

        return decision.Build();
    }

    /// <summary>Remembers the touch for limit entries; decides nothing.</summary>
    public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context)
    {
        if (ticker.Symbol == Symbol && ticker.BidPrice > 0m && ticker.AskPrice >= ticker.BidPrice)
        {
            _lastTicker = ticker;
        }

        return StrategyDecision.None;
    }

    /// <inheritdoc />
    public void Apply(IStrategyEvent strategyEvent)
    {
        if (strategyEvent is not VolatilityEvent volatilityEvent)
        {
            throw new ArgumentException(
                $"{strategyEvent?.GetType().Name ?? "null"} is not an event of the volatility strategy.", nameof(strategyEvent));
        }

        SetState(_state.Apply(volatilityEvent));
    }

    /// <inheritdoc />
    public IStrategyState Snapshot() => _state;

    /// <inheritdoc />
    public void Restore(IStrategyState state)
    {
        if (state is not VolatilityState restored || restored.StrategyId != Id || restored.Symbol != Symbol)
        {
            throw new ArgumentException($"The snapshot is not a volatility state of {Id} on {Symbol}.", nameof(state));
        }

        SetState(restored);
    }

    /// <inheritdoc />
    public IStrategyEvent ReleasePosition(long timestampMs, string reason) =>
        new PositionReleased(Id, Symbol, timestampMs, reason);

    /// <inheritdoc />
    public Hybrid.OwnedPosition OwnedPosition => _state.PositionQuantity <= 0m || _state.Direction == PositionDirection.None
        ? Hybrid.OwnedPosition.Flat
        : new(_state.Direction == PositionDirection.Long ? _state.PositionQuantity : -_state.PositionQuantity, _state.AverageEntryPrice);

    /// <inheritdoc />
    public IStrategyEvent InheritPosition(decimal signedQuantity, decimal entryPrice, long timestampMs)
    {
        if (_state.Phase != VolatilityPhase.Flat)
        {
            throw new InvalidOperationException($"{Id} cannot inherit a position while {_state.Phase}.");
        }

        ArgumentOutOfRangeException.ThrowIfZero(signedQuantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(entryPrice);
        var direction = signedQuantity > 0m ? PositionDirection.Long : PositionDirection.Short;
        return new PositionInherited(
            Id, Symbol, timestampMs, direction, Math.Abs(signedQuantity), entryPrice, StopDistanceAt(entryPrice) ?? (entryPrice * _settings.StopLossPercent));
    }

    private void SetState(VolatilityState state)
    {
        _state = state;
        var open = new List<ClientOrderId>(state.LiveOrderCount());
        if (state.Entry is { IsLive: true } entry)
        {
            open.Add(entry.Id);
        }

        foreach (var exit in state.Exits)
        {
            if (exit.IsLive)
            {
                open.Add(exit.Id);
            }
        }

        _openOrders = [.. open];
    }

    // The stop distance at a price: a share of it, or a multiple of the ATR; null when the ATR is not ready yet.
    private decimal? StopDistanceAt(decimal price)
    {
        if (_settings.StopDistance == StopDistanceMode.StopLossPercent)
        {
            return price * _settings.StopLossPercent;
        }

        var atr = _signals.Atr;
        return double.IsFinite(atr) && atr > 0 ? _settings.AtrStopMultiple * (decimal)atr : null;
    }

    private ClientOrderId NextId(in VolatilityDecisionBuilder decision, int offset = 1) =>
        _ids.Create(Id, Symbol, decision.State.Sequence + offset);

    private static decimal MarkOr(in StrategyContext context, decimal fallback) => context.MarkPrice ?? fallback;
}
