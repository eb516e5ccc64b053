using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Matching;

namespace Rari.Venue;

/// <summary>
/// The simulated Aster futures exchange: instruments, accounts with their orders and positions, and per-symbol market
/// state, driven by market data and account commands, reporting what happens as <see cref="IVenueEvent"/>s. The
/// simulator server wraps it; the backtester uses it as its fill model.
/// </summary>
/// <remarks>
/// <para><b>Deterministic.</b> Time comes only from market data and <see cref="AdvanceTime"/>; order, trade,
/// transaction and liquidation ids are sequential; every loop runs in registration or id order. The same data and
/// commands give the same events.</para>
/// <para><b>Accounts trade against the market, not against each other.</b> Resting orders fill when the recorded
/// price path reaches them, takers walk the recorded or synthetic book; two accounts never match each other.</para>
/// <para><b>Time.</b> Commands are stamped with the venue's time; a server advances it from its clock
/// (<see cref="AdvanceTime"/>) before each command, a backtest lets the market data do it.</para>
/// <para><b>Not thread-safe.</b> One owner (the server's loop, the backtest loop) calls it.</para>
/// <para>The rules of each part are documented where they live: matching (<see cref="PricePath"/>,
/// <see cref="BookWalker"/>, <see cref="FillModel"/>), open-order margin (<c>OpenOrderExposure</c>), liquidation
/// (<c>BankruptcyPrice</c>), funding (<see cref="SymbolSettings"/>).</para>
/// </remarks>
public sealed partial class SimulatedVenue
{
    private const string MarginAsset = "USDT";

    private readonly VenueOptions _options;
    private readonly IVenueEventSink _events;
    private readonly List<SymbolMarket> _markets = [];
    private readonly Dictionary<Symbol, SymbolMarket> _marketsBySymbol = [];
    private readonly List<VenueAccount> _accounts = [];
    private readonly Dictionary<AccountId, VenueAccount> _accountsById = [];
    private readonly List<BookTake> _takes = [];
    private SymbolMarket? _lastMarket;
    private long _now;
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;
    private long _nextTransactionId = 1;
    private long _nextLiquidationId = 1;
    private long _eventSequence;
    private long _nextDeadlineMs = long.MaxValue;
    private bool _inLiquidation;
    private bool _bandsHoldThisEvent;

    /// <summary>Creates an empty venue.</summary>
    /// <param name="events">Receives every event as it happens (use a <see cref="VenueEventBuffer"/> to drain them later).</param>
    /// <param name="options">Fill model, fees and warnings; the defaults when null.</param>
    public SimulatedVenue(IVenueEventSink events, VenueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        _options = options ?? new VenueOptions();
    }

    /// <summary>The options the venue runs with.</summary>
    public VenueOptions Options => _options;

    /// <summary>The venue's current time, UTC epoch milliseconds: the latest market-data or <see cref="AdvanceTime"/> time.</summary>
    public long NowMs => _now;

    /// <summary>Lists a symbol for trading.</summary>
    /// <param name="instrument">The contract and its filters, brackets, liquidation fee and take bound.</param>
    /// <param name="settings">Funding and kline timing; the defaults when null.</param>
    /// <exception cref="ArgumentException">The symbol is already listed, or the funding floor is above the cap.</exception>
    public void AddInstrument(Instrument instrument, SymbolSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_marketsBySymbol.ContainsKey(instrument.Symbol))
        {
            throw new ArgumentException($"{instrument.Symbol} is already listed on the venue.", nameof(instrument));
        }

        var market = new SymbolMarket(instrument, settings ?? new SymbolSettings(), _markets.Count, _options);
        _markets.Add(market);
        _marketsBySymbol.Add(instrument.Symbol, market);
        foreach (var account in _accounts)
        {
            CapDefaultLeverage(account, market);
        }

        ScheduleFunding(market);
        RefreshNextDeadline();
    }

    /// <summary>Opens an account with a USDT wallet.</summary>
    /// <param name="id">The account's id, unique at the venue.</param>
    /// <param name="walletBalance">Opening wallet balance, USDT (≥ 0).</param>
    /// <param name="options">Commission rates and position mode; the venue's defaults when null.</param>
    /// <exception cref="ArgumentException">The id is empty or the account already exists.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The wallet is negative, or a commission rate is outside the range <see cref="VenueOptions"/> allows.</exception>
    public void OpenAccount(AccountId id, decimal walletBalance, AccountOptions? options = null)
    {
        if (string.IsNullOrEmpty(id.Value))
        {
            throw new ArgumentException("An account needs a non-empty id.", nameof(id));
        }

        if (_accountsById.ContainsKey(id))
        {
            throw new ArgumentException($"Account {id} is already open.", nameof(id));
        }

        options ??= new AccountOptions();
        var makerRate = options.MakerCommissionRate ?? _options.MakerCommissionRate;
        var takerRate = options.TakerCommissionRate ?? _options.TakerCommissionRate;
        if (makerRate is <= -0.01m or >= 0.01m || takerRate is < 0m or >= 0.01m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), FormattableString.Invariant($"Commission rates maker {makerRate} / taker {takerRate} must be within ±1 % and [0, 1 %)."));
        }
        var portfolio = new PortfolioAccount(walletBalance, BracketsOf, options.PositionMode, _options.DefaultLeverage);
        var account = new VenueAccount(
            id,
            _accounts.Count,
            portfolio,
            makerRate,
            takerRate);
        _accounts.Add(account);
        _accountsById.Add(id, account);
        foreach (var market in _markets)
        {
            CapDefaultLeverage(account, market);
        }
    }

    /// <summary>Whether the account is open at the venue.</summary>
    public bool HasAccount(AccountId id) => _accountsById.ContainsKey(id);

    /// <summary>The listed instruments in listing order.</summary>
    public IReadOnlyList<Instrument> Instruments()
    {
        var instruments = new Instrument[_markets.Count];
        for (var i = 0; i < instruments.Length; i++)
        {
            instruments[i] = _markets[i].Instrument;
        }

        return instruments;
    }

    private IReadOnlyList<LeverageBracket> BracketsOf(Symbol symbol) => _marketsBySymbol[symbol].Instrument.LeverageBrackets;

    // The hot path asks for the same symbol again and again; comparing the string reference first skips hashing it.
    private SymbolMarket? FindMarket(Symbol symbol)
    {
        if (_lastMarket is { } last && ReferenceEquals(last.Symbol.Value, symbol.Value))
        {
            return last;
        }

        if (symbol.Value is null || !_marketsBySymbol.TryGetValue(symbol, out var market))
        {
            return null;
        }

        _lastMarket = market;
        return market;
    }

    private SymbolMarket RequireMarket(Symbol symbol) =>
        FindMarket(symbol) ?? throw new ArgumentException($"{symbol} is not listed on the venue; add its instrument first.", nameof(symbol));

    private static void CapDefaultLeverage(VenueAccount account, SymbolMarket market)
    {
        if (account.Portfolio.LeverageOf(market.Symbol) > market.MaxLeverage)
        {
            account.Portfolio.SetLeverage(market.Symbol, market.MaxLeverage);
        }
    }

    private void Publish(IVenueEvent venueEvent) => _events.Publish(venueEvent);
}
