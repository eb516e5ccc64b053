using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

// Read-only figures of the account. Each walks the symbols once, without LINQ or allocation, valuing every
// position at its symbol's last mark.
public sealed partial class PortfolioAccount
{
    /// <summary>Unrealized PnL of all positions at their last marks, USDT.</summary>
    public decimal UnrealizedPnl()
    {
        var total = 0m;
        foreach (var account in _symbols)
        {
            total += account.UnrealizedPnl();
        }

        return total;
    }

    /// <summary>Unrealized PnL of the symbol's positions (both hedge legs) at its last mark; 0 for an unknown symbol.</summary>
    public decimal UnrealizedPnl(Symbol symbol) => Find(symbol)?.UnrealizedPnl() ?? 0m;

    /// <summary>Wallet balance plus unrealized PnL (Aster's <c>totalMarginBalance</c>).</summary>
    public decimal Equity => _wallet + UnrealizedPnl();

    /// <summary>The isolated wallets of all positions together, USDT.</summary>
    public decimal IsolatedMargin
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.IsolatedMargin();
            }

            return total;
        }
    }

    /// <summary>The wallet without the isolated wallets: what backs the cross positions (Aster's <c>crossWalletBalance</c>).</summary>
    public decimal CrossWalletBalance => _wallet - IsolatedMargin;

    /// <summary>Initial margin of all positions, <c>Σ notional / leverage</c> at the last marks.</summary>
    public decimal PositionInitialMargin
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.PositionInitialMargin();
            }

            return total;
        }
    }

    /// <summary>Initial margin of all open orders, <c>Σ open-order notional / leverage</c>.</summary>
    public decimal OpenOrderInitialMargin
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.OpenOrderInitialMargin();
            }

            return total;
        }
    }

    /// <summary>Initial margin in use: positions plus open orders.</summary>
    public decimal MarginUsed => PositionInitialMargin + OpenOrderInitialMargin;

    /// <summary>Maintenance margin of all positions at the last marks (each from its symbol's bracket table).</summary>
    public decimal MaintenanceMargin
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.MaintenanceMargin(_bracketsOf);
            }

            return total;
        }
    }

    /// <summary>
    /// What may still be used for new orders or withdrawn, the §6.5 approximation:
    /// <c>cross wallet + cross unrealized PnL − initial margin of cross positions − initial margin of open orders</c>,
    /// floored at 0. Isolated positions are left out: their margin already sits outside the cross wallet.
    /// </summary>
    public decimal AvailableBalance
    {
        get
        {
            var available = _wallet - OpenOrderInitialMargin;
            foreach (var account in _symbols)
            {
                available -= account.IsolatedMargin();
                if (account.MarginType == MarginType.Cross)
                {
                    available += account.UnrealizedPnl() - account.PositionInitialMargin();
                }
            }

            return Math.Max(0m, available);
        }
    }

    /// <summary>Signed notional of the symbol's positions at its last mark (long positive, hedge legs netted); 0 for an unknown symbol.</summary>
    public decimal Exposure(Symbol symbol) => Find(symbol)?.NetExposure() ?? 0m;

    /// <summary>Σ |notional| of all positions at their last marks; hedge legs both count.</summary>
    public decimal GrossExposure
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.GrossExposure();
            }

            return total;
        }
    }

    /// <summary>Σ signed notional of all positions at their last marks: longs minus shorts.</summary>
    public decimal NetExposure
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                total += account.NetExposure();
            }

            return total;
        }
    }

    /// <summary>Signed quantity of one position, 0 if it does not exist.</summary>
    public decimal PositionQuantity(Symbol symbol, PositionSide side) => Find(symbol)?.Get(side)?.Quantity ?? 0m;

    /// <summary>A copy of one position, or null if the account never held it.</summary>
    public PositionSnapshot? GetPosition(Symbol symbol, PositionSide side) => Find(symbol)?.Get(side)?.ToSnapshot();

    /// <summary>Copies of all open positions, symbol by symbol in the order the account first saw them.</summary>
    public IReadOnlyList<PositionSnapshot> OpenPositions()
    {
        var open = new List<PositionSnapshot>();
        foreach (var account in _symbols)
        {
            for (var slot = 0; slot < SymbolAccount.SlotCount; slot++)
            {
                if (account.At(slot) is { IsOpen: true } position)
                {
                    open.Add(position.ToSnapshot());
                }
            }
        }

        return open;
    }

    /// <summary>The symbol's last mark price, if any was seen (from a mark update, a funding settlement or its first fill).</summary>
    public bool TryGetMarkPrice(Symbol symbol, out decimal markPrice)
    {
        var account = Find(symbol);
        markPrice = account is { HasMark: true } ? account.Mark : 0m;
        return account is { HasMark: true };
    }

    /// <summary>The symbol's leverage setting (the default for a symbol never configured or traded).</summary>
    public int LeverageOf(Symbol symbol) => Find(symbol)?.Leverage ?? DefaultLeverage;

    /// <summary>The symbol's margin type setting (the default for a symbol never configured or traded).</summary>
    public MarginType MarginTypeOf(Symbol symbol) => Find(symbol)?.MarginType ?? DefaultMarginType;

    /// <summary>
    /// Estimated mark price at which the position is liquidated, unrounded; null when it is flat or no positive
    /// price liquidates it.
    /// </summary>
    /// <remarks>
    /// Isolated: where the isolated wallet plus unrealized PnL meets the maintenance margin
    /// (<see cref="Position.EstimateIsolatedLiquidationPrice"/>). Cross: where the cross margin balance meets the
    /// cross maintenance margin, with every cross position of <em>this</em> symbol (both hedge legs) moving with
    /// the price and the other symbols' cross positions held at their last marks:
    /// <c>p = (W + U₀ − M₀ + Σ cum − Σ Q × E) / (Σ |Q| × mmr − Σ Q)</c>, with the brackets containing each leg's
    /// notional at <c>p</c>, where <c>W</c> is the cross wallet and <c>U₀</c>, <c>M₀</c> the other symbols' cross
    /// unrealized PnL and maintenance margin (Binance's formula). Of several roots (hedged legs), the one nearest
    /// the mark is returned.
    /// </remarks>
    public decimal? EstimateLiquidationPrice(Symbol symbol, PositionSide side)
    {
        var account = Find(symbol);
        var position = account?.Get(side);
        if (account is null || position is null || !position.IsOpen)
        {
            return null;
        }

        var brackets = account.Brackets(_bracketsOf);
        if (position.MarginType == MarginType.Isolated)
        {
            return position.EstimateIsolatedLiquidationPrice(brackets);
        }

        var fixedBalance = CrossWalletBalance;
        foreach (var other in _symbols)
        {
            if (other != account && other.MarginType == MarginType.Cross)
            {
                fixedBalance += other.UnrealizedPnl() - other.MaintenanceMargin(_bracketsOf);
            }
        }

        var legs = new List<LiquidationLeg>(SymbolAccount.SlotCount);
        for (var slot = 0; slot < SymbolAccount.SlotCount; slot++)
        {
            if (account.At(slot) is { IsOpen: true } leg)
            {
                legs.Add(leg.AsLeg(brackets));
            }
        }

        return LiquidationPriceSolver.Solve(fixedBalance, legs, account.Mark);
    }
}
