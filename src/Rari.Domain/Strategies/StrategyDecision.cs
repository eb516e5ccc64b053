namespace Rari.Domain.Strategies;

/// <summary>
/// What a strategy decided in answer to one input: the events to journal (and then fold with
/// <see cref="ITradingStrategy.Apply"/>) and the commands to send once they are journaled.
/// </summary>
/// <remarks>Most inputs decide nothing; <see cref="None"/> is returned then, so the hot path allocates nothing.</remarks>
/// <param name="Events">Facts to persist and apply, in order.</param>
/// <param name="Commands">Orders to place or cancel after the events are persisted, in order.</param>
public sealed record StrategyDecision(IReadOnlyList<IStrategyEvent> Events, IReadOnlyList<StrategyCommand> Commands)
{
    /// <summary>The decision to do nothing.</summary>
    public static StrategyDecision None { get; } = new([], []);

    /// <summary>True when there is nothing to persist and nothing to send.</summary>
    public bool IsEmpty => Events.Count == 0 && Commands.Count == 0;
}
