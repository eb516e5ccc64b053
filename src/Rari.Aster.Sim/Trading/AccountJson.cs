using System.Globalization;
using System.Text.Json;
using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Json;
using Rari.Domain.Identifiers;
using Rari.Venue.Accounts;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// Writes the account replies of fact sheet §3.4 with Aster's field names: balance rows, the account (totals,
/// assets, positions), position risk rows, user trades and income rows.
/// </summary>
internal static class AccountJson
{
    /// <summary>One <c>balance</c> row (the simulator margins in USDT only, so there is one).</summary>
    public static void WriteBalance(Utf8JsonWriter w, string accountAlias, AccountBalance b)
    {
        w.WriteStartObject();
        w.WriteString("accountAlias", accountAlias);
        w.WriteString("asset", b.Asset);
        w.WriteString("balance", TradingNumbers.Money(b.WalletBalance));
        w.WriteString("crossWalletBalance", TradingNumbers.Money(b.CrossWalletBalance));
        w.WriteString("crossUnPnl", TradingNumbers.Money(b.CrossUnrealizedPnl));
        w.WriteString("availableBalance", TradingNumbers.Money(b.AvailableBalance));
        w.WriteString("maxWithdrawAmount", TradingNumbers.Money(b.MaxWithdrawAmount));
        w.WriteBoolean("marginAvailable", true);
        w.WriteNumber("updateTime", b.UpdateTimeMs);
        w.WriteEndObject();
    }

    /// <summary>The account: totals (USDT only), the USDT asset, and a row per symbol and position side.</summary>
    public static void WriteAccount(Utf8JsonWriter w, AccountSummary a, Func<Symbol, SymbolSpec> specs)
    {
        w.WriteStartObject();
        w.WriteNumber("feeTier", 0);
        w.WriteBoolean("canTrade", true);
        w.WriteBoolean("canDeposit", true);
        w.WriteBoolean("canWithdraw", true);
        w.WriteNumber("updateTime", 0);
        w.WriteBoolean("multiAssetsMargin", false);
        w.WriteString("totalInitialMargin", TradingNumbers.Money(a.TotalInitialMargin));
        w.WriteString("totalMaintMargin", TradingNumbers.Money(a.TotalMaintMargin));
        w.WriteString("totalWalletBalance", TradingNumbers.Money(a.TotalWalletBalance));
        w.WriteString("totalUnrealizedProfit", TradingNumbers.Money(a.TotalUnrealizedProfit));
        w.WriteString("totalMarginBalance", TradingNumbers.Money(a.TotalMarginBalance));
        w.WriteString("totalPositionInitialMargin", TradingNumbers.Money(a.TotalPositionInitialMargin));
        w.WriteString("totalOpenOrderInitialMargin", TradingNumbers.Money(a.TotalOpenOrderInitialMargin));
        w.WriteString("totalCrossWalletBalance", TradingNumbers.Money(a.TotalCrossWalletBalance));
        w.WriteString("totalCrossUnPnl", TradingNumbers.Money(a.TotalCrossUnrealizedPnl));
        w.WriteString("availableBalance", TradingNumbers.Money(a.AvailableBalance));
        w.WriteString("maxWithdrawAmount", TradingNumbers.Money(a.MaxWithdrawAmount));
        w.WriteStartArray("assets");
        w.WriteStartObject();
        w.WriteString("asset", "USDT");
        w.WriteString("walletBalance", TradingNumbers.Money(a.TotalWalletBalance));
        w.WriteString("unrealizedProfit", TradingNumbers.Money(a.TotalUnrealizedProfit));
        w.WriteString("marginBalance", TradingNumbers.Money(a.TotalMarginBalance));
        w.WriteString("maintMargin", TradingNumbers.Money(a.TotalMaintMargin));
        w.WriteString("initialMargin", TradingNumbers.Money(a.TotalInitialMargin));
        w.WriteString("positionInitialMargin", TradingNumbers.Money(a.TotalPositionInitialMargin));
        w.WriteString("openOrderInitialMargin", TradingNumbers.Money(a.TotalOpenOrderInitialMargin));
        w.WriteString("crossWalletBalance", TradingNumbers.Money(a.TotalCrossWalletBalance));
        w.WriteString("crossUnPnl", TradingNumbers.Money(a.TotalCrossUnrealizedPnl));
        w.WriteString("availableBalance", TradingNumbers.Money(a.AvailableBalance));
        w.WriteString("maxWithdrawAmount", TradingNumbers.Money(a.MaxWithdrawAmount));
        w.WriteBoolean("marginAvailable", true);
        w.WriteNumber("updateTime", a.UpdateTimeMs);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("positions");
        foreach (var p in a.Positions)
        {
            var spec = specs(p.Symbol);
            w.WriteStartObject();
            w.WriteString("symbol", p.Symbol.Value);
            w.WriteString("initialMargin", TradingNumbers.Money(p.InitialMargin));
            w.WriteString("maintMargin", TradingNumbers.Money(p.MaintMargin));
            w.WriteString("unrealizedProfit", TradingNumbers.Money(p.UnrealizedProfit));
            w.WriteString("positionInitialMargin", TradingNumbers.Money(p.PositionInitialMargin));
            w.WriteString("openOrderInitialMargin", TradingNumbers.Money(p.OpenOrderInitialMargin));
            w.WriteString("leverage", p.Leverage.ToString(CultureInfo.InvariantCulture));
            w.WriteBoolean("isolated", p.Isolated);
            w.WriteString("entryPrice", TradingNumbers.Average(spec, p.EntryPrice));
            w.WriteString("maxNotional", AsterNumber.Plain(p.MaxNotional));
            w.WriteString("positionSide", TradingWire.PositionSide(p.PositionSide));
            w.WriteString("positionAmt", TradingNumbers.Quantity(spec, p.PositionAmount));
            w.WriteNumber("updateTime", p.UpdateTimeMs);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One <c>positionRisk</c> row, with the signed <c>notional</c> ccxt takes the side from.</summary>
    public static void WritePositionRisk(Utf8JsonWriter w, SymbolSpec spec, PositionRisk r)
    {
        w.WriteStartObject();
        w.WriteString("symbol", r.Symbol.Value);
        w.WriteString("positionAmt", TradingNumbers.Quantity(spec, r.PositionAmount));
        w.WriteString("entryPrice", TradingNumbers.Average(spec, r.EntryPrice));
        w.WriteString("markPrice", TradingNumbers.Price(spec, r.MarkPrice));
        w.WriteString("unRealizedProfit", TradingNumbers.Money(r.UnrealizedProfit));
        w.WriteString("liquidationPrice", TradingNumbers.Average(spec, r.LiquidationPrice));
        w.WriteString("leverage", r.Leverage.ToString(CultureInfo.InvariantCulture));
        w.WriteString("maxNotionalValue", AsterNumber.Plain(r.MaxNotionalValue));
        w.WriteString("marginType", TradingWire.MarginTypeLower(r.MarginType));
        w.WriteString("isolatedMargin", TradingNumbers.Money(r.IsolatedMargin));
        w.WriteString("isAutoAddMargin", "false");
        w.WriteString("positionSide", TradingWire.PositionSide(r.PositionSide));
        w.WriteString("notional", TradingNumbers.Money(r.Notional));
        w.WriteString("isolatedWallet", TradingNumbers.Money(r.IsolatedWallet));
        w.WriteNumber("updateTime", r.UpdateTimeMs);
        w.WriteEndObject();
    }

    /// <summary>One <c>userTrades</c> row; the commission is positive when paid, as real Aster answers show it.</summary>
    public static void WriteUserTrade(Utf8JsonWriter w, SymbolSpec spec, UserTrade t)
    {
        w.WriteStartObject();
        w.WriteString("symbol", t.Symbol.Value);
        w.WriteNumber("id", t.Id.Value);
        w.WriteNumber("orderId", t.OrderId.Value);
        w.WriteString("side", TradingWire.Side(t.Side));
        w.WriteString("price", TradingNumbers.Price(spec, t.Price));
        w.WriteString("qty", TradingNumbers.Quantity(spec, t.Quantity));
        w.WriteString("quoteQty", TradingNumbers.Money(t.QuoteQuantity));
        w.WriteString("commission", TradingNumbers.Money(t.Commission));
        w.WriteString("commissionAsset", t.CommissionAsset);
        w.WriteString("realizedPnl", TradingNumbers.Money(t.RealizedPnl));
        w.WriteString("marginAsset", "USDT");
        w.WriteString("positionSide", TradingWire.PositionSide(t.PositionSide));
        w.WriteBoolean("buyer", t.IsBuyer);
        w.WriteBoolean("maker", t.IsMaker);
        w.WriteNumber("time", t.TimeMs);
        w.WriteEndObject();
    }

    /// <summary>One <c>income</c> row: symbol and tradeId are empty text when the row has none.</summary>
    public static void WriteIncome(Utf8JsonWriter w, IncomeRecord r)
    {
        w.WriteStartObject();
        w.WriteString("symbol", r.Symbol?.Value ?? string.Empty);
        w.WriteString("incomeType", TradingWire.IncomeType(r.Type));
        w.WriteString("income", TradingNumbers.Money(r.Income));
        w.WriteString("asset", r.Asset);
        w.WriteString("info", r.Info);
        w.WriteNumber("time", r.TimeMs);
        w.WriteNumber("tranId", r.TransactionId);
        w.WriteString("tradeId", r.TradeId?.ToString() ?? string.Empty);
        w.WriteEndObject();
    }
}
