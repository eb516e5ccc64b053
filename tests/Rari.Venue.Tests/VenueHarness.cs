using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.TestKit;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Venue.Tests;

/// <summary>
/// A venue with BTCUSDT listed and account <c>alice</c> open, a clock of one-minute klines starting 2024-01-01 00:00
/// UTC, and shortcuts to place orders and read the events. Maker volume is uncapped unless a test asks otherwise.
/// </summary>
internal sealed class VenueHarness
{
    public static readonly Symbol Btc = TestInstruments.BtcUsdt.Symbol;
    public static readonly AccountId Alice = new("alice");
    public static readonly AccountId Bob = new("bob");

    public VenueHarness(
        decimal wallet = 10_000m,
        VenueOptions? options = null,
        AccountOptions? account = null,
        Instrument? instrument = null,
        SymbolSettings? settings = null)
    {
        Venue = new SimulatedVenue(Events, options ?? new VenueOptions { MakerVolumeShare = null });
        Venue.AddInstrument(instrument ?? TestInstruments.BtcUsdt, settings);
        Venue.OpenAccount(Alice, wallet, account);
    }

    public VenueEventBuffer Events { get; } = new();

    public SimulatedVenue Venue { get; }

    /// <summary>Open time of the next kline.</summary>
    public long NextKlineMs { get; set; } = TestKlines.Jan2024Ms;

    /// <summary>Feeds one one-minute kline and moves the clock a minute on.</summary>
    public void Kline(decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000m)
    {
        Venue.OnKline(Btc, new Kline(NextKlineMs, open, high, low, close, volume));
        NextKlineMs += TestKlines.MinuteMs;
    }

    /// <summary>A flat kline at <paramref name="price"/>: the last price (and the mark, without a mark feed) becomes it.</summary>
    public void Price(decimal price, decimal volume = 1_000m) => Kline(price, price, price, price, volume);

    public OrderSnapshot Place(NewOrderRequest request, AccountId? account = null)
    {
        var result = Venue.PlaceOrder(account ?? Alice, request);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Expected the order to be accepted, got {result.Error}.");
    }

    public VenueError Reject(NewOrderRequest request, AccountId? account = null)
    {
        var result = Venue.PlaceOrder(account ?? Alice, request);
        return result.IsSuccess ? throw new InvalidOperationException($"Expected a rejection, got {result.Value}.") : result.Error;
    }

    public static NewOrderRequest Limit(OrderSide side, decimal quantity, decimal price, TimeInForce timeInForce = TimeInForce.Gtc) =>
        NewOrderRequest.Limit(Btc, side, quantity, price, timeInForce);

    public static NewOrderRequest Market(OrderSide side, decimal quantity) => NewOrderRequest.Market(Btc, side, quantity);

    public static NewOrderRequest Stop(OrderSide side, decimal quantity, decimal stopPrice) => NewOrderRequest.StopMarket(Btc, side, quantity, stopPrice);

    public static NewOrderRequest TakeProfit(OrderSide side, decimal quantity, decimal stopPrice) =>
        NewOrderRequest.TakeProfitMarket(Btc, side, quantity, stopPrice);

    /// <summary>Opens a long (positive) or short (negative) position with a maker fill at exactly <paramref name="price"/>.</summary>
    public void OpenAt(decimal quantity, decimal price, AccountId? account = null)
    {
        var buying = quantity > 0m;
        Price(buying ? price + 100m : price - 100m);
        var order = Place(Limit(buying ? OrderSide.Buy : OrderSide.Sell, Math.Abs(quantity), price), account);
        Kline(buying ? price + 100m : price - 100m, buying ? price + 100m : price + 1m, buying ? price - 1m : price - 100m, price);
        if (Venue.GetOrder(account ?? Alice, Btc, OrderReference.ById(order.OrderId.Value)).Value.Status != OrderStatus.Filled)
        {
            throw new InvalidOperationException("The opening order did not fill.");
        }
    }

    public List<IVenueEvent> Drain()
    {
        var drained = new List<IVenueEvent>();
        Events.DrainTo(drained);
        return drained;
    }

    public decimal Position(AccountId? account = null) =>
        Venue.GetPositionRisk(account ?? Alice, Btc).Value[0].PositionAmount;

    public decimal Wallet(AccountId? account = null) => Venue.GetBalance(account ?? Alice).Value.WalletBalance;

    public static List<OrderUpdated> OrderUpdates(IEnumerable<IVenueEvent> events, long? orderId = null) =>
        events.OfType<OrderUpdated>().Where(e => orderId is null || e.Order.OrderId.Value == orderId).ToList();

    /// <summary>The execution types and statuses of an order's events, e.g. <c>New/Accepted, Trade/Filled</c>.</summary>
    public static string Lifecycle(IEnumerable<IVenueEvent> events, long orderId) =>
        string.Join(", ", OrderUpdates(events, orderId).Select(e => $"{e.Execution}/{e.Order.Status}"));
}
