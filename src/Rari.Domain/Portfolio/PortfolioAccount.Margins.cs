using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

// Margin figures split by margin type, as the exchange's liquidation rules use them (Aster §6.5): an isolated
// position is measured against its own wallet, cross positions together against the cross margin balance.
public sealed partial class PortfolioAccount
{
    /// <summary>Unrealized PnL of the cross-margined positions at their last marks, USDT (Aster's <c>crossUnPnl</c>).</summary>
    public decimal CrossUnrealizedPnl
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                if (account.MarginType == MarginType.Cross)
                {
                    total += account.UnrealizedPnl();
                }
            }

            return total;
        }
    }

    /// <summary>
    /// The cross margin balance, <see cref="CrossWalletBalance"/> + <see cref="CrossUnrealizedPnl"/>: what backs the
    /// cross positions. They are liquidated together when it falls to <see cref="CrossMaintenanceMargin"/>.
    /// </summary>
    public decimal CrossMarginBalance => CrossWalletBalance + CrossUnrealizedPnl;

    /// <summary>Maintenance margin of the cross-margined positions at their last marks, USDT.</summary>
    public decimal CrossMaintenanceMargin
    {
        get
        {
            var total = 0m;
            foreach (var account in _symbols)
            {
                if (account.MarginType == MarginType.Cross)
                {
                    total += account.MaintenanceMargin(_bracketsOf);
                }
            }

            return total;
        }
    }

    /// <summary>Initial margin of the symbol's open orders, <c>open-order notional / leverage</c>; 0 for an unknown symbol.</summary>
    public decimal OpenOrderInitialMarginOf(Symbol symbol) => Find(symbol)?.OpenOrderInitialMargin() ?? 0m;

    /// <summary>
    /// The margin figures of one position at the symbol's last mark, or null when the account never held it.
    /// Allocation-free, for checks that run on every price move.
    /// </summary>
    public PositionMargin? GetPositionMargin(Symbol symbol, PositionSide side)
    {
        var account = Find(symbol);
        if (account?.Get(side) is not { } position)
        {
            return null;
        }

        var mark = account.Mark;
        var maintenance = position.IsOpen ? position.MaintenanceMargin(mark, account.Brackets(_bracketsOf)) : 0m;
        return new PositionMargin(
            symbol,
            side,
            position.Quantity,
            position.EntryPrice,
            position.CostBasis,
            mark,
            position.UnrealizedPnl(mark),
            position.Notional(mark),
            position.InitialMargin(mark),
            maintenance,
            position.Leverage,
            position.MarginType,
            position.IsolatedMargin,
            position.RealizedPnl);
    }
}
