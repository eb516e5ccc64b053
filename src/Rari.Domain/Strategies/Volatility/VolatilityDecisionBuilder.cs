namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// Collects one decision's events and commands, and folds each event into a look-ahead copy of the state as it goes, so
/// that later steps of the same decision see what earlier ones decided (the host applies the same events afterwards).
/// A struct passed by reference: a decision that decides nothing allocates nothing.
/// </summary>
internal struct VolatilityDecisionBuilder
{
    private List<IStrategyEvent>? _events;
    private List<StrategyCommand>? _commands;

    public VolatilityDecisionBuilder(VolatilityState state)
    {
        State = state;
    }

    /// <summary>The state after the events emitted so far.</summary>
    public VolatilityState State { get; private set; }

    public void Emit(VolatilityEvent strategyEvent)
    {
        (_events ??= []).Add(strategyEvent);
        State = State.Apply(strategyEvent);
    }

    public void Send(StrategyCommand command) => (_commands ??= []).Add(command);

    public readonly StrategyDecision Build() =>
        _events is null && _commands is null
            ? StrategyDecision.None
            : new StrategyDecision((IReadOnlyList<IStrategyEvent>?)_events ?? [], (IReadOnlyList<StrategyCommand>?)_commands ?? []);
}
