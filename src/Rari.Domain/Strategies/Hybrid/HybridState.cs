using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// The hybrid's own decision state: the regime it acts on, which child trades, the switch in progress and its own close
/// order. The children's states live in the children; <see cref="HybridSnapshot"/> holds all three. Immutable,
/// serializable, compared by value.
/// </summary>
/// <remarks>
/// Invariants: while <see cref="HybridPhase.Draining"/> or <see cref="HybridPhase.Closing"/>, <see cref="Active"/> is
/// <see cref="HybridLeg.None"/> (no child decides); <see cref="Outgoing"/> is set only while draining;
/// <see cref="Close"/> is set only by the hybrid's own close order.
/// </remarks>
public sealed record HybridState
{
    /// <summary>A fresh state: idle, regime undetermined.</summary>
    public HybridState(StrategyId strategyId, Symbol symbol)
    {
        StrategyId = strategyId;
        Symbol = symbol;
    }

    /// <summary>The hybrid strategy.</summary>
    public StrategyId StrategyId { get; init; }

    /// <summary>The symbol it trades.</summary>
    public Symbol Symbol { get; init; }

    /// <summary>Where the switching protocol is.</summary>
    public HybridPhase Phase { get; init; } = HybridPhase.Idle;

    /// <summary>The regime the hybrid last acted on.</summary>
    public MarketRegime Regime { get; init; } = MarketRegime.Undetermined;

    /// <summary>The child that decides on market data now.</summary>
    public HybridLeg Active { get; init; } = HybridLeg.None;

    /// <summary>The child whose orders are being cancelled (while draining).</summary>
    public HybridLeg Outgoing { get; init; } = HybridLeg.None;

    /// <summary>The child that trades once the switch completes (while draining or closing).</summary>
    public HybridLeg Incoming { get; init; } = HybridLeg.None;

    /// <summary>When a drain proceeds without every confirmation, UTC epoch milliseconds.</summary>
    public long DrainDeadlineMs { get; init; }

    /// <summary>The hybrid's latest close order, or null.</summary>
    public TrackedOrder? Close { get; init; }

    /// <summary>The last client-order sequence number the hybrid used for its own orders.</summary>
    public long Sequence { get; init; }

    /// <summary>Completed switches between children.</summary>
    public int Switches { get; init; }

    /// <summary>The state after one of the hybrid's own events; <see cref="ChildDecided"/> leaves it unchanged.</summary>
    /// <exception cref="ArgumentException">The event belongs to another strategy or symbol.</exception>
    public HybridState Apply(HybridEvent hybridEvent)
    {
        ArgumentNullException.ThrowIfNull(hybridEvent);
        if (hybridEvent.StrategyId != StrategyId || hybridEvent.Symbol != Symbol)
        {
            throw new ArgumentException(
                $"{hybridEvent.GetType().Name} is for {hybridEvent.StrategyId}/{hybridEvent.Symbol}, not {StrategyId}/{Symbol}.", nameof(hybridEvent));
        }

        return hybridEvent switch
        {
            ChildDecided => this,
            RegimeSwitched e when e.Incoming == e.Outgoing => this with
            {
                Regime = e.To,
                Phase = Phase == HybridPhase.Idle ? HybridPhase.Running : Phase,
            },
            RegimeSwitched e => this with
            {
                Regime = e.To,
                Phase = e.Outgoing == HybridLeg.None ? HybridPhase.Running : HybridPhase.Draining,
                Active = HybridLeg.None,
                Outgoing = e.Outgoing,
                Incoming = e.Incoming,
                DrainDeadlineMs = e.DeadlineMs,
            },
            SwitchCompleted e => this with
            {
                Phase = HybridPhase.Running,
                Active = e.Active,
                Outgoing = HybridLeg.None,
                Incoming = HybridLeg.None,
                Switches = Switches + 1,
            },
            ExposureCloseOrdered e => this with
            {
                Phase = HybridPhase.Closing,
                Outgoing = HybridLeg.None,
                Close = TrackedOrder.Placed(e.Order, OrderRole.Close),
                Sequence = Sequence + 1,
            },
            ExposureCloseFilled e when Close is { } close && close.Id == e.ClientOrderId && !close.HasTrade(e.TradeId) => this with
            {
                Close = close.WithFill(e.TradeId, e.Price, e.Quantity, e.Fee),
            },
            ExposureCloseEnded e when Close is { } close && close.Id == e.ClientOrderId => this with
            {
                Close = close with { Status = TrackedOrderStatus.Ended },
            },
            ExposureCloseFilled or ExposureCloseEnded => this,
            _ => throw new ArgumentException($"{hybridEvent.GetType().Name} is not a hybrid event this state knows.", nameof(hybridEvent)),
        };
    }
}

/// <summary>The hybrid's full decision state: its own and both children's, restored together.</summary>
/// <param name="Core">The hybrid's own state.</param>
/// <param name="Grid">The grid child's snapshot.</param>
/// <param name="Volatility">The volatility child's snapshot.</param>
public sealed record HybridSnapshot(HybridState Core, IStrategyState Grid, IStrategyState Volatility) : IStrategyState
{
    /// <inheritdoc />
    public StrategyId StrategyId => Core.StrategyId;
}
