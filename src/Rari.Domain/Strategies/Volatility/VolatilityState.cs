using System.Collections.Immutable;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// The volatility strategy's decision state: the current round trip (its orders, what filled, where its exits are), the
/// client-order sequence and the running trade statistics. Immutable; changed only by <see cref="Apply"/>; serializable
/// and compared by value.
/// </summary>
/// <remarks>
/// <para>Invariants: <see cref="Phase"/> is derived from the rest after every event (never set on its own);
/// <see cref="PositionQuantity"/> = entry fills − exit fills; a round trip is forgotten (back to
/// <see cref="VolatilityPhase.Flat"/>) only once its entry has ended, its position is zero and closed, and none of its
/// orders can trade any more; <see cref="Sequence"/> and <see cref="Stats"/> survive every round trip.</para>
/// </remarks>
public sealed partial record VolatilityState : IStrategyState
{
    /// <summary>A fresh state: flat, no orders, sequence 0.</summary>
    public VolatilityState(StrategyId strategyId, Symbol symbol)
    {
        StrategyId = strategyId;
        Symbol = symbol;
    }

    /// <inheritdoc />
    public StrategyId StrategyId { get; init; }

    /// <summary>The symbol the strategy trades.</summary>
    public Symbol Symbol { get; init; }

    /// <summary>Where the round trip is; derived.</summary>
    public VolatilityPhase Phase { get; init; } = VolatilityPhase.Flat;

    /// <summary>The last client-order sequence number used; the next order uses one more.</summary>
    public long Sequence { get; init; }

    /// <summary>The round trip's direction; <see cref="PositionDirection.None"/> when flat.</summary>
    public PositionDirection Direction { get; init; } = PositionDirection.None;

    /// <summary>What opened the round trip.</summary>
    public SignalKind Signal { get; init; } = SignalKind.None;

    /// <summary>The entry order; null when flat or for an inherited position.</summary>
    public TrackedOrder? Entry { get; init; }

    /// <summary>The exit orders of the round trip (stops, take-profits, market closes), live or ended.</summary>
    public ImmutableArray<TrackedOrder> Exits { get; init; } = [];

    /// <summary>Quantity bought (long) or sold (short) to open, base units.</summary>
    public decimal EntryQuantity { get; init; }

    /// <summary>Σ price × quantity of the entry fills, USDT.</summary>
    public decimal EntryNotional { get; init; }

    /// <summary>Commissions of the entry fills, USDT.</summary>
    public decimal EntryFees { get; init; }

    /// <summary>Quantity closed by exit fills, base units.</summary>
    public decimal ExitQuantity { get; init; }

    /// <summary>Σ price × quantity of the exit fills, USDT.</summary>
    public decimal ExitNotional { get; init; }

    /// <summary>Commissions of the exit fills, USDT.</summary>
    public decimal ExitFees { get; init; }

    /// <summary>The stop distance chosen at the signal (or hand-over), price units.</summary>
    public decimal StopDistance { get; init; }

    /// <summary>The current stop-loss trigger price; 0 before the exits are placed.</summary>
    public decimal StopPrice { get; init; }

    /// <summary>The take-profit trigger price; 0 before the exits are placed.</summary>
    public decimal TakeProfitPrice { get; init; }

    /// <summary>The best price the stop trails: the entry price at first, then the extreme of the last trailing move.</summary>
    public decimal TrailingExtreme { get; init; }

    /// <summary>True once the stop has trailed; a stop fill is then a trailing-stop exit.</summary>
    public bool StopTrailed { get; init; }

    /// <summary>True once the stop-loss and take-profit of the position were placed.</summary>
    public bool ExitsPlaced { get; init; }

    /// <summary>When the entry was sent, UTC epoch milliseconds.</summary>
    public long SignalTimeMs { get; init; }

    /// <summary>When the first entry fill (or the hand-over) happened, UTC epoch milliseconds; 0 before.</summary>
    public long EntryTimeMs { get; init; }

    /// <summary>Why a market close was requested; null unless one was.</summary>
    public ExitReason? CloseReason { get; init; }

    /// <summary>True once the round trip's <see cref="PositionClosed"/> was recorded.</summary>
    public bool Closed { get; init; }

    /// <summary>The reason of the last <see cref="EntrySkipped"/> since the last entry; the same reason is not recorded twice in a row.</summary>
    public EntrySkipReason? LastSkipReason { get; init; }

    /// <summary>Win/loss statistics of the closed round trips, for the Kelly sizer.</summary>
    public TradeStatsTracker Stats { get; init; } = TradeStatsTracker.Empty;

    /// <summary>Σ net PnL of the closed round trips, USDT.</summary>
    public decimal RealizedPnl { get; init; }

    /// <summary>The open position, base units (≥ 0; the direction says which way).</summary>
    public decimal PositionQuantity => EntryQuantity - ExitQuantity;

    /// <summary>Volume-weighted average entry price; 0 without entry fills.</summary>
    public decimal AverageEntryPrice => EntryQuantity == 0m ? 0m : EntryNotional / EntryQuantity;

    /// <summary>Volume-weighted average exit price; 0 without exit fills.</summary>
    public decimal AverageExitPrice => ExitQuantity == 0m ? 0m : ExitNotional / ExitQuantity;

    /// <summary>The order with this id in the current round trip, or null.</summary>
    public TrackedOrder? Find(ClientOrderId id)
    {
        if (Entry is { } entry && entry.Id == id)
        {
            return entry;
        }

        foreach (var exit in Exits)
        {
            if (exit.Id == id)
            {
                return exit;
            }
        }

        return null;
    }

    /// <summary>True when an order of this role is still working (placed, not ended, no cancel asked).</summary>
    public bool HasWorking(OrderRole role)
    {
        foreach (var exit in Exits)
        {
            if (exit.Role == role && exit.Status == TrackedOrderStatus.Working)
            {
                return true;
            }
        }

        return Entry is { Status: TrackedOrderStatus.Working } && role == OrderRole.Entry;
    }

    /// <summary>True when an order of this role may still trade (working or awaiting its cancel).</summary>
    public bool HasLive(OrderRole role)
    {
        foreach (var exit in Exits)
        {
            if (exit.Role == role && exit.IsLive)
            {
                return true;
            }
        }

        return Entry is { IsLive: true } && role == OrderRole.Entry;
    }

    /// <summary>The number of the round trip's orders that may still trade.</summary>
    public int LiveOrderCount()
    {
        var count = Entry is { IsLive: true } ? 1 : 0;
        foreach (var exit in Exits)
        {
            if (exit.IsLive)
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public bool Equals(VolatilityState? other) =>
        other is not null
        && StrategyId == other.StrategyId
        && Symbol == other.Symbol
        && Phase == other.Phase
        && Sequence == other.Sequence
        && Direction == other.Direction
        && Signal == other.Signal
        && Equals(Entry, other.Entry)
        && Sequences.Equal(Exits, other.Exits)
        && EntryQuantity == other.EntryQuantity
        && EntryNotional == other.EntryNotional
        && EntryFees == other.EntryFees
        && ExitQuantity == other.ExitQuantity
        && ExitNotional == other.ExitNotional
        && ExitFees == other.ExitFees
        && StopDistance == other.StopDistance
        && StopPrice == other.StopPrice
        && TakeProfitPrice == other.TakeProfitPrice
        && TrailingExtreme == other.TrailingExtreme
        && StopTrailed == other.StopTrailed
        && ExitsPlaced == other.ExitsPlaced
        && SignalTimeMs == other.SignalTimeMs
        && EntryTimeMs == other.EntryTimeMs
        && CloseReason == other.CloseReason
        && Closed == other.Closed
        && LastSkipReason == other.LastSkipReason
        && Stats == other.Stats
        && RealizedPnl == other.RealizedPnl;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StrategyId, Symbol, Phase, Sequence, Direction, EntryQuantity, ExitQuantity, Stats);
}
