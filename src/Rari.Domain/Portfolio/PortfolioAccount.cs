using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

/// <summary>
/// A USDT-margined futures account: wallet, positions keyed by (symbol, position side), per-symbol leverage and
/// margin type, last mark prices, and the figures derived from them (equity, margins, available balance,
/// exposure). It is the portfolio the live trader, the simulated venue and the backtester all keep.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: the wallet changes only by <c>realized PnL − fee</c> of each fill, <c>−paid</c> of each funding
/// settlement, deposits and withdrawals; equity is <c>wallet + unrealized PnL</c>. So from any start,
/// <c>Δequity = realized + Δunrealized − fees − funding paid + net deposits</c>, exactly in decimal. Isolated
/// wallets are part of the wallet balance; the cross wallet is what is left.
/// </para>
/// <para>
/// Built for hot loops: the class is mutable, <see cref="UpdateMark"/> and <see cref="ApplyFill"/> on a known
/// symbol allocate nothing, and queries walk the symbols without LINQ. Not thread-safe: one owner (an actor, a
/// backtest loop) calls it. Duplicate fills are the caller's to filter (by trade id) before they arrive here.
/// </para>
/// <para>
/// Named <c>PortfolioAccount</c>, not <c>Portfolio</c>: a type named like its namespace would make
/// <c>Portfolio</c> mean the namespace in every other <c>Rari.*</c> namespace.
/// </para>
/// </remarks>
public sealed partial class PortfolioAccount
{
    /// <summary>Leverage the exchange gives a symbol before it is set (Binance's default) [conv].</summary>
    public const int StandardLeverage = 20;

    private readonly Dictionary<Symbol, SymbolAccount> _bySymbol = [];
    private readonly List<SymbolAccount> _symbols = [];
    private readonly Func<Symbol, IReadOnlyList<LeverageBracket>> _bracketsOf;
    private decimal _wallet;
    private decimal _realizedPnl;
    private decimal _feesPaid;
    private decimal _fundingPaid;
    private decimal _netDeposits;

    /// <summary>Creates an account with no positions.</summary>
    /// <param name="walletBalance">Opening wallet balance in USDT (≥ 0).</param>
    /// <param name="bracketsOf">
    /// Gives each symbol's leverage-bracket table (sorted by floor); asked once per symbol, the first time a
    /// maintenance margin or liquidation price is needed.
    /// </param>
    /// <param name="positionMode">One-way (the exchange default) or hedge.</param>
    /// <param name="defaultLeverage">Leverage of a symbol until <see cref="SetLeverage"/> is called for it.</param>
    /// <param name="defaultMarginType">Margin type of a symbol until <see cref="SetMarginType"/> is called for it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative wallet, a leverage outside 1–125 or an undefined enum value.</exception>
    public PortfolioAccount(
        decimal walletBalance,
        Func<Symbol, IReadOnlyList<LeverageBracket>> bracketsOf,
        PositionMode positionMode = PositionMode.OneWay,
        int defaultLeverage = StandardLeverage,
        MarginType defaultMarginType = MarginType.Cross)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(walletBalance);
        ArgumentNullException.ThrowIfNull(bracketsOf);
        if (!Enum.IsDefined(positionMode))
        {
            throw new ArgumentOutOfRangeException(nameof(positionMode), positionMode, "Unknown position mode.");
        }

        if (defaultLeverage is < 1 or > Position.MaxLeverage)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultLeverage), defaultLeverage, $"Leverage must be between 1 and {Position.MaxLeverage}.");
        }

        if (!Enum.IsDefined(defaultMarginType))
        {
            throw new ArgumentOutOfRangeException(nameof(defaultMarginType), defaultMarginType, "Unknown margin type.");
        }

        _wallet = walletBalance;
        _bracketsOf = bracketsOf;
        PositionMode = positionMode;
        DefaultLeverage = defaultLeverage;
        DefaultMarginType = defaultMarginType;
    }

    /// <summary>One-way or hedge; fills must carry BOTH in one-way mode and LONG or SHORT in hedge mode.</summary>
    public PositionMode PositionMode { get; private set; }

    /// <summary>Leverage given to a symbol the account has not seen before.</summary>
    public int DefaultLeverage { get; }

    /// <summary>Margin type given to a symbol the account has not seen before.</summary>
    public MarginType DefaultMarginType { get; }

    /// <summary>Total wallet balance in USDT, isolated wallets included (Aster's <c>walletBalance</c>).</summary>
    public decimal WalletBalance => _wallet;

    /// <summary>Cumulative realized PnL of all fills, USDT.</summary>
    public decimal RealizedPnl => _realizedPnl;

    /// <summary>Cumulative commission of all fills, USDT (negative when rebates dominate).</summary>
    public decimal FeesPaid => _feesPaid;

    /// <summary>Cumulative funding paid, USDT (negative when the account received more than it paid).</summary>
    public decimal FundingPaid => _fundingPaid;

    /// <summary>Deposits minus withdrawals since the account was created, USDT.</summary>
    public decimal NetDeposits => _netDeposits;

    /// <summary>
    /// Books one fill: the position changes as <see cref="Position.Apply"/> describes and the wallet moves by
    /// <c>realized − fee</c>. The first fill of a symbol with no mark yet makes its price the mark.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The fill's position side does not match the position mode, or the position rejects it (see
    /// <see cref="Position.Apply"/>). The account is unchanged.
    /// </exception>
    public FillResult ApplyFill(Fill fill)
    {
        var expectsBoth = PositionMode == PositionMode.OneWay;
        if ((fill.PositionSide == PositionSide.Both) != expectsBoth)
        {
            throw new ArgumentException(
                $"Fill {fill.TradeId} on {fill.Symbol} carries position side {fill.PositionSide}, but the account is in {PositionMode} mode " +
                $"({(expectsBoth ? "fills must carry BOTH" : "fills must carry LONG or SHORT")}).",
                nameof(fill));
        }

        var existing = Find(fill.Symbol);
        var account = existing ?? NewAccount(fill.Symbol);
        var position = account.Get(fill.PositionSide) ?? new Position(fill.Symbol, fill.PositionSide, account.Leverage, account.MarginType);
        var result = position.Apply(fill);

        // Only now, after the fill was accepted, may a new symbol or position become part of the account.
        if (existing is null)
        {
            Register(account);
        }

        account.Set(position);
        if (!account.HasMark)
        {
            account.Mark = fill.Price;
            account.HasMark = true;
        }

        _realizedPnl += result.RealizedPnl;
        _feesPaid += result.Fee;
        _wallet += result.RealizedPnl - result.Fee;
        return result;
    }

    /// <summary>
    /// Settles a funding payment on every position of <paramref name="symbol"/>: each pays
    /// <c>Quantity × mark × rate</c> (longs pay shorts when the rate is positive). The mark becomes the symbol's mark.
    /// </summary>
    /// <param name="symbol">The symbol being funded.</param>
    /// <param name="rate">The funding rate, already clamped to the symbol's cap and floor.</param>
    /// <param name="markPrice">The mark price at the funding time.</param>
    /// <param name="timeMs">The funding time, UTC epoch milliseconds; must be later than the symbol's last one.</param>
    /// <exception cref="ArgumentOutOfRangeException">The mark price is not positive.</exception>
    /// <exception cref="ArgumentException">Funding at or before this time was already applied to the symbol.</exception>
    public FundingResult ApplyFunding(Symbol symbol, decimal rate, decimal markPrice, long timeMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(markPrice);
        var account = Find(symbol);
        if (account?.LastFundingTimeMs is { } last && timeMs <= last)
        {
            throw new ArgumentException(
                $"Funding for {symbol} at {timeMs} comes at or before the last one applied ({last}); a repeat would charge it twice.",
                nameof(timeMs));
        }

        account ??= Register(NewAccount(symbol));
        var paid = 0m;
        paid += account.Both?.ApplyFunding(rate, markPrice) ?? 0m;
        paid += account.Long?.ApplyFunding(rate, markPrice) ?? 0m;
        paid += account.Short?.ApplyFunding(rate, markPrice) ?? 0m;

        account.Mark = markPrice;
        account.HasMark = true;
        account.LastFundingTimeMs = timeMs;
        _fundingPaid += paid;
        _wallet -= paid;
        return new FundingResult(symbol, timeMs, rate, markPrice, paid);
    }

    /// <summary>Records the symbol's latest mark price, which values its positions from now on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mark price is not positive.</exception>
    public void UpdateMark(Symbol symbol, decimal markPrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(markPrice);
        var account = Find(symbol) ?? Register(NewAccount(symbol));
        account.Mark = markPrice;
        account.HasMark = true;
    }

    /// <summary>Adds USDT to the wallet (a transfer in).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public void Deposit(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        _wallet += amount;
        _netDeposits += amount;
    }

    /// <summary>Takes USDT out of the wallet; at most the <see cref="AvailableBalance"/>, as the exchange allows.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    /// <exception cref="InvalidOperationException">The amount exceeds the available balance.</exception>
    public void Withdraw(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var available = AvailableBalance;
        if (amount > available)
        {
            throw new InvalidOperationException($"Cannot withdraw {amount} USDT: only {available} USDT is available.");
        }

        _wallet -= amount;
        _netDeposits -= amount;
    }

    /// <summary>Sets the symbol's leverage; its positions use it for initial margin from now on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leverage is outside 1–125.</exception>
    public void SetLeverage(Symbol symbol, int leverage)
    {
        if (leverage is < 1 or > Position.MaxLeverage)
        {
            throw new ArgumentOutOfRangeException(nameof(leverage), leverage, $"Leverage must be between 1 and {Position.MaxLeverage}.");
        }

        var account = Find(symbol) ?? Register(NewAccount(symbol));
        account.Leverage = leverage;
        account.Both?.SetLeverage(leverage);
        account.Long?.SetLeverage(leverage);
        account.Short?.SetLeverage(leverage);
    }

    /// <summary>Sets the symbol's margin type; the exchange allows it only with no position and no open order in the symbol.</summary>
    /// <exception cref="InvalidOperationException">The symbol has an open position (Aster -4048) or open orders (-4047).</exception>
    public void SetMarginType(Symbol symbol, MarginType marginType)
    {
        if (!Enum.IsDefined(marginType))
        {
            throw new ArgumentOutOfRangeException(nameof(marginType), marginType, "Unknown margin type.");
        }

        var account = Find(symbol);
        if (account is not null && account.MarginType != marginType)
        {
            if (account.HasOpenPosition)
            {
                throw new InvalidOperationException($"Cannot change the margin type of {symbol} while it has an open position (Aster -4048).");
            }

            if (account.OpenOrderNotional != 0m)
            {
                throw new InvalidOperationException($"Cannot change the margin type of {symbol} while it has open orders (Aster -4047).");
            }
        }

        account ??= Register(NewAccount(symbol));
        account.MarginType = marginType;
        account.Both?.SetMarginType(marginType);
        account.Long?.SetMarginType(marginType);
        account.Short?.SetMarginType(marginType);
    }

    /// <summary>Switches between one-way and hedge mode; the exchange allows it only with no position and no open order at all.</summary>
    /// <exception cref="InvalidOperationException">Some symbol has an open position (Aster -4068) or open orders (-4067).</exception>
    public void SetPositionMode(PositionMode positionMode)
    {
        if (!Enum.IsDefined(positionMode))
        {
            throw new ArgumentOutOfRangeException(nameof(positionMode), positionMode, "Unknown position mode.");
        }

        foreach (var account in _symbols)
        {
            if (account.HasOpenPosition)
            {
                throw new InvalidOperationException($"Cannot change the position mode while {account.Symbol} has an open position (Aster -4068).");
            }

            if (account.OpenOrderNotional != 0m)
            {
                throw new InvalidOperationException($"Cannot change the position mode while {account.Symbol} has open orders (Aster -4067).");
            }
        }

        PositionMode = positionMode;
    }

    /// <summary>
    /// Sets the total notional (price × remaining quantity) of the symbol's open orders; their initial margin,
    /// <c>notional / leverage</c>, counts in <see cref="MarginUsed"/> and reduces <see cref="AvailableBalance"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The notional is negative.</exception>
    public void SetOpenOrderNotional(Symbol symbol, decimal notional)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(notional);
        var account = Find(symbol) ?? Register(NewAccount(symbol));
        account.OpenOrderNotional = notional;
    }

    /// <summary>
    /// Moves USDT between the cross wallet and an open isolated position (Aster's <c>positionMargin</c>): a positive
    /// amount adds at most the available balance; a negative one removes only while the isolated wallet plus the
    /// position's unrealized PnL stays at or above its initial margin [conv].
    /// </summary>
    /// <exception cref="InvalidOperationException">No open isolated position, or the amount exceeds what may be moved.</exception>
    public void AdjustIsolatedMargin(Symbol symbol, PositionSide side, decimal amount)
    {
        var account = Find(symbol);
        var position = account?.Get(side);
        if (account is null || position is null || !position.IsOpen || position.MarginType != MarginType.Isolated)
        {
            throw new InvalidOperationException($"There is no open isolated {symbol} {side} position to adjust.");
        }

        if (amount > 0m && amount > AvailableBalance)
        {
            throw new InvalidOperationException($"Cannot add {amount} USDT to the {symbol} {side} isolated wallet: only {AvailableBalance} USDT is available.");
        }

        if (amount < 0m)
        {
            var left = position.IsolatedMargin + amount + position.UnrealizedPnl(account.Mark);
            var required = position.InitialMargin(account.Mark);
            if (left < required)
            {
                throw new InvalidOperationException(
                    $"Cannot remove {-amount} USDT from the {symbol} {side} isolated wallet: it would leave {left} USDT of margin balance, below the initial margin {required}.");
            }
        }

        position.AdjustIsolatedMargin(amount);
    }

    private SymbolAccount? Find(Symbol symbol) => _bySymbol.GetValueOrDefault(symbol);

    private SymbolAccount NewAccount(Symbol symbol) => new(symbol, DefaultLeverage, DefaultMarginType);

    private SymbolAccount Register(SymbolAccount account)
    {
        _bySymbol.Add(account.Symbol, account);
        _symbols.Add(account);
        return account;
    }
}
