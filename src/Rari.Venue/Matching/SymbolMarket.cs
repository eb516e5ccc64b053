using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Venue.Accounts;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue.Matching;

/// <summary>
/// Everything the venue knows about one symbol: the instrument, the last and mark prices, funding, the recorded book,
/// and every account's resting orders on it in priority order.
/// </summary>
/// <remarks>
/// The hot path of a price move compares the new price with the cached thresholds only (<see cref="BidThreshold"/>,
/// <see cref="AskThreshold"/> and the four trigger prices); they are kept current on every insert and removal, so
/// a move that reaches no order costs a handful of decimal comparisons.
/// </remarks>
internal sealed class SymbolMarket
{
    private readonly decimal _fillOffset;

    public SymbolMarket(Instrument instrument, SymbolSettings settings, int index, VenueOptions options)
    {
        if (settings.FundingRateFloor > settings.FundingRateCap)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"{instrument.Symbol}: FundingRateFloor {settings.FundingRateFloor} is above FundingRateCap {settings.FundingRateCap}."),
                nameof(settings));
        }

        Instrument = instrument;
        Settings = settings;
        Index = index;
        Tick = instrument.PriceFilter.TickSize;
        _fillOffset = options.FillModel == FillModel.TradeThrough ? Tick : 0m;
        RecentVolumes = new VolumeWindow(options.RecentVolumeWindow);
        var maxRatio = 0m;
        foreach (var bracket in instrument.LeverageBrackets)
        {
            maxRatio = Math.Max(maxRatio, bracket.MaintMarginRatio);
        }

        MaxMaintMarginRatio = maxRatio;
        RefreshThresholds();
    }

    public Instrument Instrument { get; }

    public SymbolSettings Settings { get; }

    /// <summary>Position of the symbol in registration order; indexes per-account arrays.</summary>
    public int Index { get; }

    public Symbol Symbol => Instrument.Symbol;

    public decimal Tick { get; }

    /// <summary>The highest maintenance-margin ratio of the bracket table, which bounds how fast margin can erode.</summary>
    public decimal MaxMaintMarginRatio { get; }

    /// <summary>The highest leverage the bracket table allows.</summary>
    public int MaxLeverage => Instrument.MaxLeverageAt(0m);

    public decimal Last { get; private set; }

    public bool HasLast { get; private set; }

    /// <summary>The mark price: the mark feed's when one was given, the last price otherwise.</summary>
    public decimal Mark { get; private set; }

    public bool HasMark { get; private set; }

    /// <summary>True once <c>OnMarkPrice</c> was called; from then on the mark moves only with that feed.</summary>
    public bool HasMarkFeed { get; private set; }

    public decimal IndexPrice { get; set; }

    /// <summary>The latest funding-rate estimate from the mark feed, settled at the next funding time.</summary>
    public decimal? EstimatedFundingRate { get; set; }

    /// <summary>Settled rates fed from recorded history, by funding time.</summary>
    public Dictionary<long, decimal> RecordedFundingRates { get; } = [];

    /// <summary>The next funding time, UTC epoch milliseconds; 0 until the first market time is known.</summary>
    public long NextFundingMs { get; set; }

    /// <summary>The recorded L2 book, once one was given.</summary>
    public OrderBook? Book { get; set; }

    public VolumeWindow RecentVolumes { get; }

    /// <summary>The traded volume of the market-data event being processed (a kline's volume, a trade's quantity).</summary>
    public decimal EventVolume { get; set; }

    /// <summary>Accounts holding an open position in the symbol, in the order they opened one.</summary>
    public List<AccountSymbol> Exposed { get; } = [];

    /// <summary>Resting BUY limit orders, highest price first.</summary>
    public SortedOrderList Bids { get; } = new(lowestFirst: false, byStopPrice: false);

    /// <summary>Resting SELL limit orders, lowest price first.</summary>
    public SortedOrderList Asks { get; } = new(lowestFirst: true, byStopPrice: false);

    /// <summary>Conditional orders on the last price that trigger when it rises to their stop (BUY STOP, SELL TAKE_PROFIT).</summary>
    public SortedOrderList LastAbove { get; } = new(lowestFirst: true, byStopPrice: true);

    /// <summary>Conditional orders on the last price that trigger when it falls to their stop (SELL STOP, BUY TAKE_PROFIT).</summary>
    public SortedOrderList LastBelow { get; } = new(lowestFirst: false, byStopPrice: true);

    /// <summary>Conditional orders on the mark price that trigger when it rises to their stop.</summary>
    public SortedOrderList MarkAbove { get; } = new(lowestFirst: true, byStopPrice: true);

    /// <summary>Conditional orders on the mark price that trigger when it falls to their stop.</summary>
    public SortedOrderList MarkBelow { get; } = new(lowestFirst: false, byStopPrice: true);

    /// <summary>The price the path must fall to for the best bid to fill (its limit, less a tick under trade-through).</summary>
    public decimal BidThreshold { get; private set; }

    /// <summary>The price the path must rise to for the best ask to fill.</summary>
    public decimal AskThreshold { get; private set; }

    public decimal LastAboveTrigger { get; private set; }

    public decimal LastBelowTrigger { get; private set; }

    public decimal MarkAboveTrigger { get; private set; }

    public decimal MarkBelowTrigger { get; private set; }

    /// <summary>
    /// The highest price at which a falling last price reaches an order: the best bid's threshold or the highest
    /// falling trigger (mark triggers included while the mark follows the last price).
    /// </summary>
    public decimal FallingReach { get; private set; }

    /// <summary>The lowest price at which a rising last price reaches an order.</summary>
    public decimal RisingReach { get; private set; }

    /// <summary>Whether conditional orders on the mark price move with the last price (no mark feed was given).</summary>
    public bool MarkFollowsLast => !HasMarkFeed;

    /// <summary>The price a resting limit order is reached at: its limit, or a tick beyond it under trade-through.</summary>
    public decimal FillThreshold(VenueOrder order) => order.Side == OrderSide.Buy ? order.Price - _fillOffset : order.Price + _fillOffset;

    /// <summary>Records a traded (last) price; the mark follows it while there is no mark feed.</summary>
    public void SetLast(decimal price)
    {
        Last = price;
        HasLast = true;
        if (!HasMarkFeed)
        {
            Mark = price;
            HasMark = true;
        }
    }

    /// <summary>Records a mark price from the mark feed.</summary>
    public void SetMarkFromFeed(decimal price)
    {
        Mark = price;
        HasMark = true;
        if (!HasMarkFeed)
        {
            HasMarkFeed = true;
            RefreshThresholds();
        }
    }

    /// <summary>Adds a resting limit or waiting conditional order to the book.</summary>
    public void Rest(VenueOrder order)
    {
        ListOf(order).Add(order);
        order.IsResting = true;
        RefreshThresholds();
    }

    /// <summary>Takes an order out of the book (filled, cancelled, expired or triggered).</summary>
    public void Unrest(VenueOrder order)
    {
        if (!order.IsResting)
        {
            return;
        }

        ListOf(order).Remove(order);
        order.IsResting = false;
        RefreshThresholds();
    }

    /// <summary>Whether a conditional order triggers on a rising price (BUY STOP_MARKET, SELL TAKE_PROFIT_MARKET).</summary>
    public static bool TriggersOnRise(OrderType type, OrderSide side) =>
        (type, side) is (OrderType.StopMarket, OrderSide.Buy) or (OrderType.TakeProfitMarket, OrderSide.Sell);

    private SortedOrderList ListOf(VenueOrder order)
    {
        if (order.Type == OrderType.Limit)
        {
            return order.Side == OrderSide.Buy ? Bids : Asks;
        }

        var onRise = TriggersOnRise(order.Type, order.Side);
        return order.WorkingType == WorkingType.MarkPrice
            ? (onRise ? MarkAbove : MarkBelow)
            : (onRise ? LastAbove : LastBelow);
    }

    private void RefreshThresholds()
    {
        BidThreshold = Bids.Count > 0 ? Bids.BestKey - _fillOffset : decimal.MinValue;
        AskThreshold = Asks.Count > 0 ? Asks.BestKey + _fillOffset : decimal.MaxValue;
        LastAboveTrigger = LastAbove.Count > 0 ? LastAbove.BestKey : decimal.MaxValue;
        LastBelowTrigger = LastBelow.Count > 0 ? LastBelow.BestKey : decimal.MinValue;
        MarkAboveTrigger = MarkAbove.Count > 0 ? MarkAbove.BestKey : decimal.MaxValue;
        MarkBelowTrigger = MarkBelow.Count > 0 ? MarkBelow.BestKey : decimal.MinValue;
        FallingReach = Math.Max(BidThreshold, HasMarkFeed ? LastBelowTrigger : Math.Max(LastBelowTrigger, MarkBelowTrigger));
        RisingReach = Math.Min(AskThreshold, HasMarkFeed ? LastAboveTrigger : Math.Min(LastAboveTrigger, MarkAboveTrigger));
    }
}
