using Rari.Domain.Identifiers;
using Rari.Domain.Portfolio;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue.Accounts;

/// <summary>
/// One account at the venue: its Domain portfolio (wallet, positions, leverage, margin type), its commission rates,
/// its per-symbol order state and its history.
/// </summary>
internal sealed class VenueAccount
{
    private AccountSymbol?[] _bySymbol = [];

    public VenueAccount(AccountId id, int index, PortfolioAccount portfolio, decimal makerRate, decimal takerRate)
    {
        Id = id;
        Index = index;
        Portfolio = portfolio;
        MakerRate = makerRate;
        TakerRate = takerRate;
    }

    public AccountId Id { get; }

    /// <summary>Position in opening order; ties between accounts are broken by it.</summary>
    public int Index { get; }

    public PortfolioAccount Portfolio { get; }

    public decimal MakerRate { get; }

    public decimal TakerRate { get; }

    /// <summary>The symbols the account has touched, in the order it first did.</summary>
    public List<AccountSymbol> Symbols { get; } = [];

    /// <summary>Every order of the account by id: open ones always, finished ones when history is recorded.</summary>
    public Dictionary<long, VenueOrder> OrdersById { get; } = [];

    public List<UserTrade> Trades { get; } = [];

    public List<IncomeRecord> Income { get; } = [];

    /// <summary>Whether a margin call is outstanding for the cross positions.</summary>
    public bool CrossMarginCalled { get; set; }

    /// <summary>Σ commission of ordinary fills, USDT (liquidation fees are counted apart).</summary>
    public decimal CommissionPaid { get; set; }

    /// <summary>Σ liquidation fees charged, USDT.</summary>
    public decimal LiquidationFeesPaid { get; set; }

    /// <summary>The account's state on a symbol, created on first use.</summary>
    public AccountSymbol For(SymbolMarket market)
    {
        if (market.Index >= _bySymbol.Length)
        {
            Array.Resize(ref _bySymbol, Math.Max(market.Index + 1, _bySymbol.Length * 2));
        }

        if (_bySymbol[market.Index] is { } existing)
        {
            return existing;
        }

        var created = new AccountSymbol(this, market);
        _bySymbol[market.Index] = created;
        Symbols.Add(created);
        return created;
    }

    /// <summary>The account's state on a symbol, or null if it never touched it.</summary>
    public AccountSymbol? Find(SymbolMarket market) => market.Index < _bySymbol.Length ? _bySymbol[market.Index] : null;

    /// <summary>How many orders are open on all symbols.</summary>
    public int OpenOrderCount()
    {
        var count = 0;
        foreach (var symbol in Symbols)
        {
            count += symbol.OpenOrders.Count;
        }

        return count;
    }
}
