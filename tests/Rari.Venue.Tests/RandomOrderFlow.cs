using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.TestKit;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Venue.Tests;

/// <summary>
/// Replays recorded BTCUSDT minutes through a venue while a seeded random flow of orders, cancels, settings changes
/// and transfers hits three accounts (one-way cross, one-way isolated, hedge), small and leveraged enough to be
/// liquidated now and then. Every event is kept.
/// </summary>
internal sealed class RandomOrderFlow
{
    public const string RecordedFile = "klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz";

    private static readonly Symbol Btc = TestInstruments.BtcUsdt.Symbol;
    private readonly Random _random;
    private readonly VenueEventBuffer _buffer = new();
    private int _nextClientId;

    private readonly bool _checkedKlines;

    public RandomOrderFlow(int seed, VenueOptions? options = null, bool skipQuietPaths = true, bool checkedKlines = false)
    {
        _random = new Random(seed);
        _checkedKlines = checkedKlines;
        Venue = new SimulatedVenue(_buffer, options ?? new VenueOptions()) { SkipsQuietPaths = skipQuietPaths };
        Venue.AddInstrument(TestInstruments.BtcUsdt);
        Venue.OpenAccount(Accounts[0], 2_000m);
        Venue.OpenAccount(Accounts[1], 1_000m);
        Venue.OpenAccount(Accounts[2], 1_500m, new AccountOptions { PositionMode = PositionMode.Hedge });
        Venue.ChangeMarginType(Accounts[1], Btc, MarginType.Isolated);
        Venue.ChangeLeverage(Accounts[0], Btc, 50);
        Venue.ChangeLeverage(Accounts[1], Btc, 75);
        Venue.ChangeLeverage(Accounts[2], Btc, 25);
    }

    public static AccountId[] Accounts { get; } = [new("cross"), new("isolated"), new("hedge")];

    public SimulatedVenue Venue { get; }

    public List<IVenueEvent> Events { get; } = [];

    public List<VenueResult<OrderSnapshot>> Placements { get; } = [];

    public static IEnumerable<Kline> RecordedKlines(int count) => KlineCsvReader.Read(SharedData.File(RecordedFile)).Take(count);

    public void Run(IEnumerable<Kline> klines)
    {
        foreach (var kline in klines)
        {
            if (_checkedKlines)
            {
                Venue.OnCheckedKline(Btc, kline);
            }
            else
            {
                Venue.OnKline(Btc, kline);
            }

            _buffer.DrainTo(Events);
            Act(kline.Close);
            _buffer.DrainTo(Events);
        }
    }

    /// <summary>SHA-256 of the canonical text of every event, in order.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var venueEvent in Events)
        {
            text.AppendLine(Describe(venueEvent));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string Describe(IVenueEvent venueEvent) => venueEvent switch
    {
        AccountUpdated update => FormattableString.Invariant(
            $"{update.Account} {update.Reason} {update.Balance} [{string.Join("; ", update.Positions)}] {update.TimeMs}"),
        MarginCalled call => FormattableString.Invariant(
            $"{call.Account} MarginCalled {call.CrossWalletBalance} [{string.Join("; ", call.Positions)}] {call.TimeMs}"),
        _ => venueEvent.ToString()!,
    };

    private void Act(decimal price)
    {
        foreach (var account in Accounts)
        {
            var roll = _random.Next(100);
            if (roll < 25)
            {
                Placements.Add(Venue.PlaceOrder(account, RandomOrder(account, price)));
            }
            else if (roll < 32)
            {
                CancelOne(account);
            }
            else if (roll == 32)
            {
                Venue.CancelAllOrders(account, Btc);
            }
            else if (roll == 33 && Venue.GetBalance(account).Value.WalletBalance < 300m)
            {
                Venue.Transfer(account, 500m);
            }
            else if (roll == 34)
            {
                Venue.ChangeLeverage(account, Btc, _random.Next(1, 126));
            }
            else if (roll == 35)
            {
                Venue.SetCountdownCancelAll(account, Btc, _random.Next(0, 5) * 60_000L);
            }
        }
    }

    private void CancelOne(AccountId account)
    {
        var open = Venue.GetOpenOrders(account, Btc).Value;
        if (open.Count > 0)
        {
            Venue.CancelOrder(account, Btc, OrderReference.ById(open[_random.Next(open.Count)].OrderId.Value));
        }
    }

    private NewOrderRequest RandomOrder(AccountId account, decimal price)
    {
        var side = _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var quantity = _random.Next(1, 60) * 0.001m;
        var offset = Math.Round(price * _random.Next(-60, 61) / 10_000m, 1);
        var hedge = account == Accounts[2];
        var roll = _random.Next(100);
        var request = roll switch
        {
            < 55 => NewOrderRequest.Limit(Btc, side, quantity, price + offset, (TimeInForce)_random.Next(1, 5)),
            < 70 => NewOrderRequest.Market(Btc, side, quantity),
            < 85 => NewOrderRequest.StopMarket(Btc, side, quantity, price + Math.Abs(offset) * (side == OrderSide.Buy ? 1 : -1) + 0.1m),
            _ => NewOrderRequest.TakeProfitMarket(Btc, side, quantity, price - Math.Abs(offset) * (side == OrderSide.Buy ? 1 : -1) - 0.1m),
        };

        request = request with
        {
            ClientOrderId = _random.Next(10) == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"flow-{_nextClientId++}"),
            WorkingType = _random.Next(4) == 0 ? WorkingType.MarkPrice : WorkingType.ContractPrice,
        };

        if (hedge)
        {
            request = request with { PositionSide = _random.Next(2) == 0 ? PositionSide.Long : PositionSide.Short };
        }
        else if (_random.Next(5) == 0)
        {
            request = request with { ReduceOnly = true };
        }

        if (request.Type is OrderType.StopMarket or OrderType.TakeProfitMarket && _random.Next(6) == 0 && !request.ReduceOnly &&
            (!hedge || VenueOrderIsClosing(request)))
        {
            request = request with { ClosePosition = true, Quantity = null };
        }

        return request;
    }

    private static bool VenueOrderIsClosing(NewOrderRequest request) =>
        (request.Side, request.PositionSide) is (OrderSide.Sell, PositionSide.Long) or (OrderSide.Buy, PositionSide.Short);
}
