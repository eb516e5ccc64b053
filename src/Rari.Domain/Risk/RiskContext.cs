using Rari.Domain.Identifiers;
using Rari.Domain.Portfolio;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>
/// The read-only snapshot of the account and the markets that the pre-trade rules judge an order against: equity, one
/// <see cref="SymbolRiskView"/> per symbol traded or held, correlations, the global trading state and the order-rate
/// usage. The host (the risk gate, the backtester) builds it; the rules never change it.
/// </summary>
/// <remarks>
/// <para>The views must cover every open position of the account: the account-wide caps sum over them, and the cross
/// wallet is derived from them as <c>equity − Σ unrealized PnL − Σ isolated wallets</c> (equity being
/// <c>wallet + Σ unrealized PnL</c>).</para>
/// <para>Lookups by symbol are O(1) and allocate nothing.</para>
/// </remarks>
public sealed record RiskContext
{
    private readonly Dictionary<Symbol, SymbolRiskView> _bySymbol;

    /// <summary>Creates a context.</summary>
    /// <param name="nowMs">The time of the check, UTC epoch milliseconds.</param>
    /// <param name="equity">Account equity, wallet plus unrealized PnL, USDT.</param>
    /// <param name="symbols">One view per symbol traded or held.</param>
    /// <exception cref="ArgumentException">A symbol has two views, or a view holds a position or book of another symbol.</exception>
    public RiskContext(long nowMs, decimal equity, IReadOnlyList<SymbolRiskView> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        NowMs = nowMs;
        Equity = equity;
        Symbols = symbols;
        _bySymbol = new Dictionary<Symbol, SymbolRiskView>(symbols.Count);
        foreach (var view in symbols)
        {
            ArgumentNullException.ThrowIfNull(view, nameof(symbols));
            if (!_bySymbol.TryAdd(view.Symbol, view))
            {
                throw new ArgumentException($"{view.Symbol} has two views; give each symbol one.", nameof(symbols));
            }

            foreach (var position in view.Positions)
            {
                if (position.Symbol != view.Symbol)
                {
                    throw new ArgumentException($"The view of {view.Symbol} holds a position in {position.Symbol}.", nameof(symbols));
                }
            }

            if (view.Book is { } book && book.Symbol != view.Symbol)
            {
                throw new ArgumentException($"The view of {view.Symbol} holds the order book of {book.Symbol}.", nameof(symbols));
            }
        }
    }

    /// <summary>The time of the check, UTC epoch milliseconds.</summary>
    public long NowMs { get; }

    /// <summary>Account equity, wallet plus unrealized PnL, USDT (Aster's <c>totalMarginBalance</c>).</summary>
    public decimal Equity { get; }

    /// <summary>The views, one per symbol.</summary>
    public IReadOnlyList<SymbolRiskView> Symbols { get; }

    /// <summary>The trader-wide trading state; a symbol trades at the stricter of this and its own.</summary>
    public TradingState GlobalTradingState
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(GlobalTradingState), value, "Unknown trading state.");
    } = TradingState.Active;

    /// <summary>How much of the exchange's order-rate limit is used; unknown by default.</summary>
    public OrderRateUsage OrderRate { get; init; }

    /// <summary>Pairwise return correlations; empty (nothing correlated) by default.</summary>
    public CorrelationTable Correlations { get; init => field = value ?? throw new ArgumentNullException(nameof(Correlations)); } = CorrelationTable.Empty;

    /// <summary>The view of <paramref name="symbol"/>, or null when the context has none.</summary>
    public SymbolRiskView? Find(Symbol symbol) => _bySymbol.GetValueOrDefault(symbol);

    /// <summary>
    /// The cross wallet balance implied by the views: <c>equity − Σ unrealized PnL − Σ isolated wallets</c>. What backs
    /// the cross positions before their unrealized PnL.
    /// </summary>
    public decimal CrossWalletBalance
    {
        get
        {
            var wallet = Equity;
            foreach (var view in Symbols)
            {
                foreach (var position in view.Positions)
                {
                    wallet -= position.UnrealizedPnl + position.IsolatedWallet;
                }
            }

            return wallet;
        }
    }

    /// <summary>
    /// A context for <paramref name="account"/> at <paramref name="nowMs"/>: its equity and the given views (build them
    /// with <see cref="SymbolRiskView.FromAccount"/>).
    /// </summary>
    public static RiskContext FromAccount(PortfolioAccount account, long nowMs, IReadOnlyList<SymbolRiskView> symbols)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new RiskContext(nowMs, account.Equity, symbols);
    }
}
