using Akka.Event;
using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;

namespace Rari.Actors.Strategies;

/// <summary>Where a strategy actor is in its start-up; only <see cref="Trading"/> decides on market data.</summary>
public enum StrategyStage : byte
{
    /// <summary>Replaying its snapshot and journal into the strategy's decision state.</summary>
    Recovering = 1,

    /// <summary>Fetching recent klines to rebuild the strategy's market state; market data is buffered.</summary>
    WarmingUp = 2,

    /// <summary>Waiting for the gateway's reports on the orders the strategy holds as open; market data is buffered.</summary>
    Syncing = 3,

    /// <summary>Deciding on every input.</summary>
    Trading = 4,
}

/// <summary>Asks a strategy actor how it is doing; answered with <see cref="StrategyStatus"/>.</summary>
public sealed record GetStrategyStatus
{
    /// <summary>The one instance.</summary>
    public static GetStrategyStatus Instance { get; } = new();
}

/// <summary>A strategy actor's state, for the symbol's status and the ops console.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="StrategyId">The hosted strategy's id (the hybrid's own id for the regime arbiter).</param>
/// <param name="PersistenceId">The actor's journal, e.g. <c>grid-ETHUSDT</c>.</param>
/// <param name="Stage">Where the actor is in its start-up.</param>
/// <param name="TradingState">The state the strategy decides under now (the stricter of the risk gate's and the data's).</param>
/// <param name="HasAccount">Whether an account view arrived; until then closed klines only feed the market state.</param>
/// <param name="OpenOrders">The client order ids the strategy holds as possibly open.</param>
/// <param name="State">The strategy's decision state (the value <see cref="ITradingStrategy.Snapshot"/> returns).</param>
/// <param name="LastSequenceNr">The journal's last sequence number.</param>
/// <param name="KlinesHandled">Closed klines this incarnation handled live (warm-up and duplicates not counted).</param>
/// <param name="OrderEventsHandled">Order events this incarnation handled (from the stream or derived from order reports).</param>
/// <param name="Detail">A short human-readable note: phase, regime, inventory, last refusal.</param>
/// <param name="LastPrice">The latest mark (or close) the strategy saw; null before the first.</param>
/// <param name="KlinesSkipped">
/// Closed klines this incarnation received live but did not decide on because they were not newer than the last bar it
/// knew: repeats, late bars, bars its warm-up already covered.
/// </param>
public sealed record StrategyStatus(
    Symbol Symbol,
    StrategyId StrategyId,
    string PersistenceId,
    StrategyStage Stage,
    TradingState TradingState,
    bool HasAccount,
    IReadOnlyList<ClientOrderId> OpenOrders,
    IStrategyState State,
    long LastSequenceNr,
    long KlinesHandled,
    long OrderEventsHandled,
    string Detail,
    decimal? LastPrice = null,
    long KlinesSkipped = 0);

/// <summary>
/// Stops a strategy actor once the decision it is persisting (if any) is written and its commands are sent. Sent
/// through the actor's back-off supervisor, which then stops too instead of restarting it.
/// </summary>
/// <remarks>Between two restarts the back-off supervisor has no child and passes the message to dead letters (then
/// stops); that is expected, so it is not logged as a dead letter.</remarks>
public sealed record StopStrategy : IRariMessage, IDeadLetterSuppression
{
    /// <summary>The one instance.</summary>
    public static StopStrategy Instance { get; } = new();
}

/// <summary>
/// Told by a strategy actor to its owner (the symbol supervisor) every time it starts, so that the owner sends it the
/// latest account view, trading states, staleness and mark price, which a new incarnation does not know. It is also the
/// handshake of direct delivery: the sender is the new incarnation, and from then on the owner sends it its inputs
/// directly (watching it) instead of through the back-off supervisor, the inputs held meanwhile first.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="StrategyId">The hosted strategy's id.</param>
public sealed record StrategyStarted(Symbol Symbol, StrategyId StrategyId);

/// <summary>
/// A strategy actor failed and stops (or was stopped by its supervisor): told to the symbol supervisor, which counts
/// the failures in its window and halts the symbol when there are too many.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">What failed, in plain words (the exception, the journal's error).</param>
/// <param name="IsFatal">
/// True when a restart cannot help: the journal holds an event the strategy cannot fold, so every recovery would fail
/// the same way. The supervisor halts the symbol at once.
/// </param>
public sealed record StrategyFailed(Symbol Symbol, string Reason, bool IsFatal);
