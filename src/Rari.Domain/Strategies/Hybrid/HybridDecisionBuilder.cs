namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// Collects one hybrid decision: its own events (folded into a look-ahead copy of its state as they are emitted), the
/// children's events wrapped in <see cref="ChildDecided"/>, and every command in order. A struct passed by reference,
/// so a decision that decides nothing allocates nothing.
/// </summary>
internal struct HybridDecisionBuilder
{
    private List<IStrategyEvent>? _events;
    private List<StrategyCommand>? _commands;

    public HybridDecisionBuilder(HybridState state)
    {
        State = state;
    }

    /// <summary>The hybrid's own state after the events emitted so far.</summary>
    public HybridState State { get; private set; }

    public void Emit(HybridEvent hybridEvent)
    {
        (_events ??= []).Add(hybridEvent);
        State = State.Apply(hybridEvent);
    }

    public void Send(StrategyCommand command) => (_commands ??= []).Add(command);

    /// <summary>Adds a child's decision: each event wrapped for the hybrid's journal, each command passed through.</summary>
    public void AddChild(StrategyDecision decision, long timestampMs)
    {
        if (decision.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < decision.Events.Count; i++)
        {
            Emit(new ChildDecided(State.StrategyId, State.Symbol, timestampMs, decision.Events[i]));
        }

        for (var i = 0; i < decision.Commands.Count; i++)
        {
            Send(decision.Commands[i]);
        }
    }

    public readonly StrategyDecision Build() =>
        _events is null && _commands is null
            ? StrategyDecision.None
            : new StrategyDecision((IReadOnlyList<IStrategyEvent>?)_events ?? [], (IReadOnlyList<StrategyCommand>?)_commands ?? []);
}
