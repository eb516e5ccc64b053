using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Portfolio;

// Conversion to and from the immutable snapshot; a restore followed by ToSnapshot gives an equal snapshot.
public sealed partial class PortfolioAccount
{
    /// <summary>An immutable copy of the whole account.</summary>
    public PortfolioSnapshot ToSnapshot()
    {
        var symbols = new SymbolAccountSnapshot[_symbols.Count];
        for (var i = 0; i < symbols.Length; i++)
        {
            var account = _symbols[i];
            var positions = new List<PositionSnapshot>(SymbolAccount.SlotCount);
            for (var slot = 0; slot < SymbolAccount.SlotCount; slot++)
            {
                if (account.At(slot) is { } position)
                {
                    positions.Add(position.ToSnapshot());
                }
            }

            symbols[i] = new SymbolAccountSnapshot(
                account.Symbol,
                account.Leverage,
                account.MarginType,
                account.HasMark ? account.Mark : null,
                account.OpenOrderNotional,
                account.LastFundingTimeMs,
                positions);
        }

        return new PortfolioSnapshot(
            _wallet, PositionMode, DefaultLeverage, DefaultMarginType, _realizedPnl, _feesPaid, _fundingPaid, _netDeposits, symbols);
    }

    /// <summary>Rebuilds an account from a snapshot, with the same bracket source as the original.</summary>
    /// <exception cref="ArgumentException">
    /// The snapshot is inconsistent: a symbol twice, a position under the wrong symbol or twice, a position whose
    /// leverage or margin type differs from its symbol's, an open position that does not fit the position mode or
    /// has no mark price.
    /// </exception>
    public static PortfolioAccount FromSnapshot(PortfolioSnapshot snapshot, Func<Symbol, IReadOnlyList<LeverageBracket>> bracketsOf)
    {
        // The wallet is set after construction: losses may have taken it below zero, which a new account refuses.
        var portfolio = new PortfolioAccount(0m, bracketsOf, snapshot.PositionMode, snapshot.DefaultLeverage, snapshot.DefaultMarginType)
        {
            _wallet = snapshot.WalletBalance,
            _realizedPnl = snapshot.RealizedPnl,
            _feesPaid = snapshot.FeesPaid,
            _fundingPaid = snapshot.FundingPaid,
            _netDeposits = snapshot.NetDeposits,
        };

        foreach (var symbol in snapshot.Symbols)
        {
            if (portfolio._bySymbol.ContainsKey(symbol.Symbol))
            {
                throw new ArgumentException($"The snapshot lists {symbol.Symbol} twice.", nameof(snapshot));
            }

            if (symbol.Leverage is < 1 or > Position.MaxLeverage || !Enum.IsDefined(symbol.MarginType) ||
                symbol.OpenOrderNotional < 0m || symbol.MarkPrice <= 0m)
            {
                throw new ArgumentException(
                    $"The snapshot of {symbol.Symbol} has an invalid setting: leverage {symbol.Leverage}, margin type {symbol.MarginType}, " +
                    $"open-order notional {symbol.OpenOrderNotional}, mark {symbol.MarkPrice}.",
                    nameof(snapshot));
            }

            var account = new SymbolAccount(symbol.Symbol, symbol.Leverage, symbol.MarginType)
            {
                Mark = symbol.MarkPrice ?? 0m,
                HasMark = symbol.MarkPrice.HasValue,
                OpenOrderNotional = symbol.OpenOrderNotional,
                LastFundingTimeMs = symbol.LastFundingTimeMs,
            };

            foreach (var positionSnapshot in symbol.Positions)
            {
                account.Set(Restore(positionSnapshot, account, snapshot.PositionMode));
            }

            portfolio.Register(account);
        }

        return portfolio;
    }

    private static Position Restore(PositionSnapshot snapshot, SymbolAccount account, PositionMode mode)
    {
        var symbol = account.Symbol;
        if (snapshot.Symbol != symbol || account.Get(snapshot.Side) is not null)
        {
            throw new ArgumentException(
                $"The snapshot of {symbol} holds a {snapshot.Symbol} {snapshot.Side} position that is misplaced or repeated.", nameof(snapshot));
        }

        if (snapshot.Leverage != account.Leverage || snapshot.MarginType != account.MarginType)
        {
            throw new ArgumentException(
                $"The {symbol} {snapshot.Side} position has leverage {snapshot.Leverage} and margin type {snapshot.MarginType}, " +
                $"but the symbol is set to {account.Leverage} and {account.MarginType}.",
                nameof(snapshot));
        }

        if (snapshot.Quantity != 0m)
        {
            if ((snapshot.Side == PositionSide.Both) != (mode == PositionMode.OneWay))
            {
                throw new ArgumentException($"An open {symbol} {snapshot.Side} position cannot exist in {mode} mode.", nameof(snapshot));
            }

            if (!account.HasMark)
            {
                throw new ArgumentException($"The open {symbol} {snapshot.Side} position has no mark price to be valued at.", nameof(snapshot));
            }
        }

        return Position.FromSnapshot(snapshot);
    }
}
