using System.Globalization;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Venue;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// The trading engine of <c>rari sim</c>: one <see cref="SimulatedVenue"/> holding every account, answering every
/// <see cref="TradingEndpoint"/> in Aster's shapes, fed by the replay, and publishing the venue's events on the user
/// stream. Pass <c>ctx =&gt; new VenueTradingApi(ctx)</c> to <see cref="SimServer"/>.
/// </summary>
/// <remarks>
/// <para><b>Setup.</b> Every served symbol is listed with its rules, funding interval, cap, floor and rate from its
/// <see cref="SymbolSpec"/>; every account opens with its starting balance and the specs' maker/taker rates (the
/// venue charges one pair of rates per account, so all served symbols must agree on them).</para>
/// <para><b>One thread at a time.</b> The venue is single-threaded: requests, replayed bars and the clock tick take
/// one lock, held only for the venue call and the reply's JSON, so requests never wait on I/O.</para>
/// <para><b>Time.</b> Before each command the venue's clock moves to the request's market time, firing countdowns and
/// funding that fall due. A replayed minute withdraws the published book, runs each symbol's bar along the venue's
/// price path (resting orders fill, stops trigger), then sets the mark to the close with the symbol's funding rate
/// (margin, liquidation and MARK_PRICE stops act on it) and gives takers the simulator's published book: its top
/// <see cref="BookLevels"/> levels a side, continued by the venue's synthetic depth. Between bars a MARKET order
/// therefore meets exactly the prices <c>depth</c> shows. While the market clock runs paced, a timer keeps the
/// venue's clock up with it, so countdown cancel-alls fire on time between bars.</para>
/// <para><b>A live market</b> (<see cref="SimContext.Live"/>) feeds the venue the upstream's trades, mark prices and
/// best bid/ask as they arrive instead of bars: resting orders fill where the upstream trades.</para>
/// <para><b>Events</b> reach <see cref="SimContext.UserEvents"/> as they happen, in the venue's time order, and every
/// order is kept for <c>GET /_sim/orders</c>.</para>
/// </remarks>
public sealed partial class VenueTradingApi : ISimTradingApi, ISimOrderAudit, IAsyncDisposable
{
    /// <summary>Levels a side of the published book that takers meet between bars.</summary>
    public const int BookLevels = 20;

    private const long SevenDaysMs = 7L * 24 * 3_600_000;
    private static readonly TimeSpan ClockTick = TimeSpan.FromMilliseconds(50);

    private readonly SimContext _context;
    private readonly MarketReplay _replay;
    private readonly SimulatedVenue _venue;
    private readonly Dictionary<Symbol, SymbolSpec> _specs = [];
    private readonly Dictionary<string, AccountExtras> _extras = new(StringComparer.Ordinal);
    private readonly HashSet<long> _priceProtected = [];
    private readonly OrderLedger _ledger = new();
    private readonly UserEventTranslator _translator;
    private readonly Lock _gate = new();
    private readonly ITimer _clockTimer;
    private bool _capturing;
    private OrderSnapshot? _accepted;

    /// <summary>Lists the replay's symbols, opens the accounts and subscribes to the replay.</summary>
    /// <param name="context">The simulator's market, accounts, user-event sink and clock.</param>
    /// <param name="options">The venue's fill model, fees and warnings; the venue's defaults when null (fee rates always come from the specs).</param>
    /// <exception cref="InvalidDataException">The served symbols disagree on the maker or taker rate.</exception>
    public VenueTradingApi(SimContext context, VenueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _replay = context.Replay;
        var (maker, taker) = CommonFeeRates(_replay.Symbols);
        _venue = new SimulatedVenue(new Sink(this), (options ?? new VenueOptions()) with { MakerCommissionRate = maker, TakerCommissionRate = taker });
        _translator = new UserEventTranslator(SpecOf);
        foreach (var market in _replay.Symbols)
        {
            var spec = market.Spec;
            _specs.Add(market.Symbol, spec);
            _venue.AddInstrument(spec.Instrument, new SymbolSettings
            {
                FundingIntervalHours = spec.FundingIntervalHours,
                FundingRateCap = spec.FundingFeeCap,
                FundingRateFloor = spec.FundingFeeFloor,
                DefaultFundingRate = spec.FundingRate,
                KlineIntervalMs = SymbolSeries.BarMs,
            });
        }

        foreach (var account in context.Accounts.All)
        {
            _venue.OpenAccount(new AccountId(account.Name), account.Balance);
            _extras.Add(account.Name, new AccountExtras());
        }

        lock (_gate)
        {
            // Before a symbol's first bar the market stands at its last price (the first open): orders can trade there.
            foreach (var market in _replay.Symbols)
            {
                Mark(market, _replay.MarketTimeMs);
                PublishedBook(market, _replay.MarketTimeMs);
            }
        }

        _replay.BarsReplayed += OnBarsReplayed;
        if (context.Live is { } live)
        {
            FollowLive(live);
        }

        _clockTimer = TimeProvider.System.CreateTimer(_ => KeepClock(), null, ClockTick, ClockTick);
    }

    /// <inheritdoc />
    public ValueTask<SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            _venue.AdvanceTime(call.MarketTimeMs);
            return ValueTask.FromResult(Dispatch(call));
        }
    }

    /// <inheritdoc />
    public SimReply OrdersReport(string? account, string? symbol)
    {
        lock (_gate)
        {
            return SimReply.Json(w => _ledger.Write(w, SpecOf, account, symbol));
        }
    }

    /// <summary>Stops following the replay and the clock.</summary>
    public async ValueTask DisposeAsync()
    {
        _replay.BarsReplayed -= OnBarsReplayed;
        StopFollowingLive();
        await _clockTimer.DisposeAsync().ConfigureAwait(false);
    }

    private SimReply Dispatch(TradingCall call) => call.Endpoint switch
    {
        TradingEndpoint.NewOrder => PlaceOrder(call),
        TradingEndpoint.NewBatchOrders => PlaceBatch(call),
        TradingEndpoint.QueryOrder => QueryOrder(call),
        TradingEndpoint.CancelOrder => CancelOrder(call),
        TradingEndpoint.CancelBatchOrders => CancelBatch(call),
        TradingEndpoint.CancelAllOpenOrders => CancelAll(call),
        TradingEndpoint.CountdownCancelAll => Countdown(call),
        TradingEndpoint.QueryOpenOrder => QueryOpenOrder(call),
        TradingEndpoint.OpenOrders => OpenOrders(call),
        TradingEndpoint.AllOrders => AllOrders(call),
        TradingEndpoint.ForceOrders => ForceOrders(call),
        TradingEndpoint.Balance => Balance(call),
        TradingEndpoint.Account => Account(call),
        TradingEndpoint.PositionRisk => PositionRisk(call),
        TradingEndpoint.UserTrades => UserTrades(call),
        TradingEndpoint.Income => Income(call),
        TradingEndpoint.AdlQuantile => AdlQuantile(call),
        TradingEndpoint.RemainingOpenableNotional => RemainingOpenableNotional(call),
        TradingEndpoint.ChangeLeverage => ChangeLeverage(call),
        TradingEndpoint.ChangeMarginType => ChangeMarginType(call),
        TradingEndpoint.ModifyPositionMargin => ModifyPositionMargin(call),
        TradingEndpoint.PositionMarginHistory => PositionMarginHistory(call),
        TradingEndpoint.GetPositionMode => GetPositionMode(call),
        TradingEndpoint.ChangePositionMode => ChangePositionMode(call),
        TradingEndpoint.GetMultiAssetsMode => GetMultiAssetsMode(),
        TradingEndpoint.ChangeMultiAssetsMode => ChangeMultiAssetsMode(call),
        TradingEndpoint.GetStpMode => GetStpMode(call),
        TradingEndpoint.ChangeStpMode => ChangeStpMode(call),
        TradingEndpoint.WalletTransfer => WalletTransfer(call),
        TradingEndpoint.ModifyOrder => throw new AsterErrorException(AsterErrors.Unsupported(
            "Modifying an order is not supported by this simulator; cancel it and place a new one.")),
        TradingEndpoint.ChaseOrder => throw new AsterErrorException(AsterErrors.Unsupported(
            "Chase orders are not supported by this simulator; place a GTX LIMIT order instead.")),
        _ => throw new AsterErrorException(AsterErrors.Unsupported($"Trading endpoint {call.Endpoint} is not supported by this simulator.")),
    };

    // A replayed minute: each symbol's bar runs along the price path with the published book withdrawn (takers
    // triggered inside the bar meet the venue's synthetic book around the path's price), then the marks move to the
    // closes and the book the simulator now publishes is given back.
    private void OnBarsReplayed(object? sender, ReplayedBarsEventArgs e)
    {
        lock (_gate)
        {
            foreach (var bar in e.Bars)
            {
                var symbol = bar.Symbol.Symbol;
                _venue.OnDepth(new DepthSnapshot(symbol, bar.BookUpdateId, [], [], bar.Bar.OpenTimeMs));
                _venue.OnKline(symbol, bar.Bar);
            }

            foreach (var bar in e.Bars)
            {
                Mark(bar.Symbol, e.MarketTimeMs - 1);
            }

            foreach (var bar in e.Bars)
            {
                PublishedBook(bar.Symbol, e.MarketTimeMs);
            }
        }
    }

    // The mark is the last price (the simulator's premiumIndex says so), with the symbol's configured funding rate. It
    // is set in the minute's last millisecond, before the clock reaches the close: a funding time at the close (00:00,
    // 08:00, 16:00 UTC) then settles every symbol at its price of that moment, not at the previous minute's.
    private void Mark(MarketSymbol market, long timeMs)
    {
        var price = market.LastPrice;
        _venue.OnMarkPrice(market.Symbol, price, price, market.Spec.FundingRate, timeMs);
    }

    private void PublishedBook(MarketSymbol market, long timeMs)
    {
        var (bids, asks) = SyntheticBook.Top(market.Spec, market.LastPrice, BookLevels);
        _venue.OnDepth(new DepthSnapshot(market.Symbol, market.BookUpdateId, Levels(bids), Levels(asks), timeMs));
    }

    private static BookLevel[] Levels(SyntheticLevel[] levels)
    {
        var converted = new BookLevel[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            converted[i] = new BookLevel(levels[i].Price, levels[i].Quantity);
        }

        return converted;
    }

    private void KeepClock()
    {
        lock (_gate)
        {
            _venue.AdvanceTime(_replay.MarketTimeMs);
        }
    }

    private void OnVenueEvent(IVenueEvent venueEvent)
    {
        if (venueEvent is OrderUpdated order)
        {
            _ledger.Record(order);
            if (_capturing && _accepted is null && order.Execution == ExecutionType.New)
            {
                _accepted = order.Order;
            }
        }

        if (_translator.Translate(venueEvent) is { } userEvent)
        {
            _context.UserEvents.Publish(venueEvent.Account.Value, userEvent);
        }
    }

    private SymbolSpec SpecOf(Symbol symbol) => _specs[symbol];

    private MarketSymbol RequireSymbol(TradingCall call) => OrderRequestParser.Symbol(call.Parameters.Optional("symbol"), _replay);

    private MarketSymbol? OptionalSymbol(TradingCall call) =>
        call.Parameters.Optional("symbol") is { } text ? OrderRequestParser.Symbol(text, _replay) : null;

    private AccountExtras ExtrasOf(TradingCall call) => _extras[call.Account.Name];

    private static AccountId AccountOf(TradingCall call) => new(call.Account.Name);

    /// <summary>The command's value, or its refusal thrown as Aster's error reply.</summary>
    private static T Require<T>(VenueResult<T> result) =>
        result.IsSuccess ? result.Value : throw new AsterErrorException(OrderJson.ToAsterError(result.Error));

    // startTime ≤ endTime (−1023), and at most 7 days apart when both are given (−1127), as Aster's history endpoints demand.
    private static (long? Start, long? End) TimeRange(RequestParameters p)
    {
        var start = p.OptionalLong("startTime");
        var end = p.OptionalLong("endTime");
        if (start is { } s && end is { } e)
        {
            if (s > e)
            {
                throw new AsterErrorException(AsterErrors.StartAfterEnd());
            }

            if (e - s > SevenDaysMs)
            {
                throw new AsterErrorException(new AsterError(-1127, "The time between startTime and endTime cannot be longer than 7 days."));
            }
        }

        return (start, end);
    }

    private static (decimal Maker, decimal Taker) CommonFeeRates(IReadOnlyList<MarketSymbol> symbols)
    {
        if (symbols.Count == 0)
        {
            return (new VenueOptions().MakerCommissionRate, new VenueOptions().TakerCommissionRate);
        }

        var first = symbols[0].Spec;
        foreach (var market in symbols)
        {
            if (market.Spec.MakerCommissionRate != first.MakerCommissionRate || market.Spec.TakerCommissionRate != first.TakerCommissionRate)
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The simulated venue charges one maker/taker rate per account, but {first.Instrument.Symbol} has {AsterNumber.Plain(first.MakerCommissionRate)}/{AsterNumber.Plain(first.TakerCommissionRate)} and {market.Symbol} has {AsterNumber.Plain(market.Spec.MakerCommissionRate)}/{AsterNumber.Plain(market.Spec.TakerCommissionRate)}; give every served symbol the same makerCommissionRate and takerCommissionRate."));
            }
        }

        return (first.MakerCommissionRate, first.TakerCommissionRate);
    }

    /// <summary>What an account has beyond the venue's state: its STP mode, isolated-margin moves and transfer ids.</summary>
    private sealed class AccountExtras
    {
        public string StpMode { get; set; } = "EXPIRE_TAKER";

        public List<MarginMove> MarginMoves { get; } = [];

        public HashSet<string> TransferIds { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One isolated-margin move, a row of <c>positionMargin/history</c>.</summary>
    private sealed record MarginMove(Symbol Symbol, Domain.Orders.PositionSide PositionSide, decimal Amount, int Type, long TimeMs);

    private sealed class Sink(VenueTradingApi owner) : IVenueEventSink
    {
        public void Publish(IVenueEvent venueEvent) => owner.OnVenueEvent(venueEvent);
    }
}
