using Rari.Domain.Identifiers;

namespace Rari.Domain.Risk;

/// <summary>
/// Something the risk monitor asks the exchange gateway to do. Sent only after the decision's events are journaled, and
/// executed against the gateway's freshest view of orders and positions.
/// </summary>
/// <param name="Symbol">The symbol; null for every symbol.</param>
/// <param name="Reason">Why, for the audit log.</param>
public abstract record RiskCommand(Symbol? Symbol, string Reason);

/// <summary>
/// Cancel the resting entry orders (every open order that is not reduce-only and does not close a position) of one
/// symbol, or of all symbols; exits and stops stay.
/// </summary>
/// <param name="Symbol">The symbol; null for all.</param>
/// <param name="Reason">Why.</param>
public sealed record CancelEntryOrders(Symbol? Symbol, string Reason) : RiskCommand(Symbol, Reason);

/// <summary>
/// Close every open position of one symbol, or of all, each with a reduce-only MARKET order for its whole quantity
/// (<see cref="FlattenPlanner"/> builds them).
/// </summary>
/// <param name="Symbol">The symbol; null for all.</param>
/// <param name="Reason">Why.</param>
public sealed record ClosePositions(Symbol? Symbol, string Reason) : RiskCommand(Symbol, Reason);

/// <summary>
/// What the risk monitor decided in answer to one input: the events to journal (then fold with
/// <see cref="RiskState.Apply"/>) and the commands to send once they are journaled.
/// </summary>
/// <param name="Events">Facts to persist and apply, in order.</param>
/// <param name="Commands">Commands for the gateway, in order, after the events are persisted.</param>
public sealed record RiskDecision(IReadOnlyList<IRiskEvent> Events, IReadOnlyList<RiskCommand> Commands)
{
    /// <summary>The decision to do nothing; most inputs return it without allocating.</summary>
    public static RiskDecision None { get; } = new([], []);

    /// <summary>True when there is nothing to persist and nothing to send.</summary>
    public bool IsEmpty => Events.Count == 0 && Commands.Count == 0;
}
