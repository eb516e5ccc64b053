using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies;

/// <summary>
/// The contract every strategy (grid, volatility, hybrid) keeps, so that a persistent actor and the backtester drive
/// the very same object.
/// </summary>
/// <remarks>
/// <para>Two kinds of state live in a strategy:</para>
/// <list type="bullet">
/// <item><b>Decision state</b> (levels, orders it owns, its position bookkeeping, its client-order sequence): changed
/// ONLY by <see cref="Apply"/>, from journaled events; captured by <see cref="Snapshot"/> and restored by
/// <see cref="Restore"/>. Recovery = restore the latest snapshot, then apply the later events.</item>
/// <item><b>Market state</b> (indicators, last prices): updated by the <c>On…</c> methods from market data and never
/// journaled; after a restart it is rebuilt by <see cref="WarmUp"/> from recent klines.</item>
/// </list>
/// <para>The <c>On…</c> methods decide but do not change decision state: the host persists the returned events, folds
/// each with <see cref="Apply"/>, then sends the commands. Same inputs, same outputs, always; no clock, no randomness.</para>
/// </remarks>
public interface ITradingStrategy
{
    /// <summary>The strategy's id, part of every client order id it makes.</summary>
    StrategyId Id { get; }

    /// <summary>The symbol it trades.</summary>
    Symbol Symbol { get; }

    /// <summary>Feeds closed klines to the market state without deciding anything (start-up and recovery).</summary>
    void WarmUp(IEnumerable<Kline> closedKlines);

    /// <summary>A kline closed (1-minute bars unless the host is configured otherwise).</summary>
    StrategyDecision OnKline(in Kline closedKline, in StrategyContext context);

    /// <summary>The best bid/ask changed. Strategies that only trade on bars may ignore it and return <see cref="StrategyDecision.None"/>.</summary>
    StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context);

    /// <summary>One of the strategy's own orders changed (accepted, filled, cancelled, expired, rejected, denied).</summary>
    StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context);

    /// <summary>Folds one journaled event into the decision state.</summary>
    void Apply(IStrategyEvent strategyEvent);

    /// <summary>The decision state as an immutable, serializable value.</summary>
    IStrategyState Snapshot();

    /// <summary>Replaces the decision state with a snapshot taken by <see cref="Snapshot"/>.</summary>
    void Restore(IStrategyState state);

    /// <summary>The client order ids of the strategy's orders that may still be open at the venue.</summary>
    IReadOnlyCollection<ClientOrderId> OpenOrders { get; }
}

/// <summary>A strategy's decision state, as an immutable record that serializes and compares by value.</summary>
public interface IStrategyState
{
    /// <summary>The strategy the state belongs to.</summary>
    StrategyId StrategyId { get; }
}
