using Rari.Domain.Orders;
using Rari.Venue.Margin;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue.Accounts;

/// <summary>
/// One account's state on one symbol: its open orders and their margin totals, its countdown timer, its order
/// history, and the price band within which its positions here need no margin check.
/// </summary>
internal sealed class AccountSymbol
{
    private readonly List<(decimal Price, decimal Used)> _volumeUsed = [];
    private long _volumeEvent = -1;

    public AccountSymbol(VenueAccount account, SymbolMarket market)
    {
        Account = account;
        Market = market;
    }

    public VenueAccount Account { get; }

    public SymbolMarket Market { get; }

    /// <summary>Open orders in placement (order id) order.</summary>
    public List<VenueOrder> OpenOrders { get; } = [];

    /// <summary>Open orders by client order id; ids are unique among open orders of the symbol.</summary>
    public Dictionary<string, VenueOrder> OpenByClientId { get; } = new(StringComparer.Ordinal);

    /// <summary>Every order ever placed, by client order id, the latest one winning; kept only when history is recorded.</summary>
    public Dictionary<string, VenueOrder> LatestByClientId { get; } = new(StringComparer.Ordinal);

    /// <summary>Every order ever placed in id order; kept only when history is recorded.</summary>
    public List<VenueOrder> History { get; } = [];

    /// <summary>Open conditional orders still waiting for their trigger (MAX_NUM_ALGO_ORDERS).</summary>
    public int WaitingConditionalCount { get; set; }

    public OpenOrderExposure Exposure { get; } = new();

    /// <summary>When the countdown cancel-all fires, UTC epoch milliseconds; 0 when no timer runs.</summary>
    public long CountdownDeadlineMs { get; set; }

    /// <summary>True while the account holds an open position in the symbol (it is then in <see cref="SymbolMarket.Exposed"/>).</summary>
    public bool IsExposed { get; set; }

    /// <summary>At or below this mark the account's margin must be checked again.</summary>
    public decimal RiskLow { get; set; } = decimal.MinValue;

    /// <summary>At or above this mark the account's margin must be checked again.</summary>
    public decimal RiskHigh { get; set; } = decimal.MaxValue;

    /// <summary>Whether a margin call is outstanding for the isolated position in slot BOTH, LONG or SHORT.</summary>
    public bool[] IsolatedMarginCalled { get; } = new bool[3];

    /// <summary>The mark last copied into the account's portfolio, to skip redundant updates.</summary>
    public decimal SyncedMark { get; set; }

    public bool HasSyncedMark { get; set; }

    /// <summary>When a fill or funding payment last changed a position of the symbol, UTC epoch milliseconds.</summary>
    public long PositionUpdateMs { get; set; }

    /// <summary>
    /// How much the account's resting orders may still take at <paramref name="price"/> in market-data event
    /// <paramref name="eventSequence"/>, given the cap <paramref name="cap"/> for the event.
    /// </summary>
    public decimal VolumeLeft(long eventSequence, decimal price, decimal cap)
    {
        ResetVolumeIfNewEvent(eventSequence);
        foreach (var (level, used) in _volumeUsed)
        {
            if (level == price)
            {
                return cap - used;
            }
        }

        return cap;
    }

    /// <summary>Books volume taken at a price in the current market-data event.</summary>
    public void UseVolume(long eventSequence, decimal price, decimal quantity)
    {
        ResetVolumeIfNewEvent(eventSequence);
        for (var i = 0; i < _volumeUsed.Count; i++)
        {
            if (_volumeUsed[i].Price == price)
            {
                _volumeUsed[i] = (price, _volumeUsed[i].Used + quantity);
                return;
            }
        }

        _volumeUsed.Add((price, quantity));
    }

    /// <summary>Slot of a position side in per-side arrays: BOTH 0, LONG 1, SHORT 2.</summary>
    public static int Slot(PositionSide side) => side switch
    {
        PositionSide.Long => 1,
        PositionSide.Short => 2,
        _ => 0,
    };

    /// <summary>The position side of a slot.</summary>
    public static PositionSide SideOfSlot(int slot) => slot switch
    {
        1 => PositionSide.Long,
        2 => PositionSide.Short,
        _ => PositionSide.Both,
    };

    private void ResetVolumeIfNewEvent(long eventSequence)
    {
        if (_volumeEvent != eventSequence)
        {
            _volumeEvent = eventSequence;
            _volumeUsed.Clear();
        }
    }
}
