namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// Collects one decision's events and commands. Each event is folded at once into a scratch copy of the state (the
/// same fold <see cref="GridStrategy.Apply"/> runs later), so the rest of the decision sees its own effects without
/// the strategy's decision state changing.
/// </summary>
/// <remarks>One instance is reused for every input; the lists are created only when something is decided.</remarks>
internal sealed class GridDecisionBuilder
{
    private List<IStrategyEvent>? _events;
    private List<StrategyCommand>? _commands;
    private StrategyContext _context;

    /// <summary>The state with this decision's events folded in.</summary>
    public GridState State { get; private set; } = null!;

    /// <summary>The input's context (read in place: a property returning it by value would copy it at every read).</summary>
    public ref readonly StrategyContext Context => ref _context;

    /// <summary>Market time of the input, UTC epoch milliseconds.</summary>
    public long Now => _context.TimestampMs;

    /// <summary>Starts a decision from the strategy's current state.</summary>
    public void Begin(GridState state, in StrategyContext context)
    {
        State = state;
        _context = context;
        _events = null;
        _commands = null;
    }

    /// <summary>Records an event and folds it into <see cref="State"/>.</summary>
    public void Emit(IStrategyEvent strategyEvent)
    {
        (_events ??= []).Add(strategyEvent);
        State = GridReducer.Apply(State, strategyEvent);
    }

    /// <summary>Records a command, to be sent after the events are journaled.</summary>
    public void Send(StrategyCommand command) => (_commands ??= []).Add(command);

    /// <summary>The decision; <see cref="StrategyDecision.None"/> when nothing was decided.</summary>
    public StrategyDecision Build()
    {
        var decision = _events is null && _commands is null
            ? StrategyDecision.None
            : new StrategyDecision((IReadOnlyList<IStrategyEvent>?)_events ?? [], (IReadOnlyList<StrategyCommand>?)_commands ?? []);
        State = null!;
        _context = default;
        _events = null;
        _commands = null;
        return decision;
    }
}
