using System.Collections.Concurrent;
using System.Text.Json;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Tests.Check;

/// <summary>
/// A stand-in trading engine answering only the account reads <c>rari check</c> makes (account, balance, position
/// risk, position mode), for what the simulated venue cannot show: an account that may not trade. Every account is in
/// one-way mode, cross margin, 20x unless set.
/// </summary>
internal sealed class AccountSettingsApi(SimContext context) : ISimTradingApi
{
    private readonly ConcurrentDictionary<string, int> _leverage = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _marginType = new(StringComparer.Ordinal);

    public bool HedgeMode { get; set; }

    public bool CanTrade { get; set; } = true;

    public void Set(string symbol, int leverage, string marginType = "cross")
    {
        _leverage[symbol] = leverage;
        _marginType[symbol] = marginType;
    }

    public ValueTask<SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken) => ValueTask.FromResult(call.Endpoint switch
    {
        TradingEndpoint.Account => SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("feeTier", 0);
            w.WriteBoolean("canTrade", CanTrade);
            w.WriteBoolean("canDeposit", true);
            w.WriteBoolean("canWithdraw", true);
            w.WriteNumber("updateTime", 0);
            w.WriteString("totalWalletBalance", Text(call.Account.Balance));
            w.WriteString("availableBalance", Text(call.Account.Balance));
            w.WriteStartArray("assets");
            w.WriteEndArray();
            w.WriteStartArray("positions");
            w.WriteEndArray();
            w.WriteEndObject();
        }),
        TradingEndpoint.Balance => SimReply.Json(w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("accountAlias", "SgsR");
            w.WriteString("asset", "USDT");
            w.WriteString("balance", Text(call.Account.Balance));
            w.WriteString("crossWalletBalance", Text(call.Account.Balance));
            w.WriteString("crossUnPnl", "0");
            w.WriteString("availableBalance", Text(call.Account.Balance));
            w.WriteString("maxWithdrawAmount", Text(call.Account.Balance));
            w.WriteBoolean("marginAvailable", true);
            w.WriteNumber("updateTime", 0);
            w.WriteEndObject();
            w.WriteEndArray();
        }),
        TradingEndpoint.PositionRisk => SimReply.Json(w =>
        {
            w.WriteStartArray();
            foreach (var market in context.Replay.Symbols)
            {
                var symbol = market.Symbol.Value;
                w.WriteStartObject();
                w.WriteString("symbol", symbol);
                w.WriteString("positionAmt", "0");
                w.WriteString("entryPrice", "0.0");
                w.WriteString("markPrice", "0");
                w.WriteString("unRealizedProfit", "0");
                w.WriteString("liquidationPrice", "0");
                w.WriteString("leverage", _leverage.GetValueOrDefault(symbol, 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("maxNotionalValue", "1000000");
                w.WriteString("marginType", _marginType.GetValueOrDefault(symbol, "cross"));
                w.WriteString("isolatedMargin", "0");
                w.WriteString("isAutoAddMargin", "false");
                w.WriteString("positionSide", "BOTH");
                w.WriteString("notional", "0");
                w.WriteString("isolatedWallet", "0");
                w.WriteNumber("updateTime", 0);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }),
        TradingEndpoint.GetPositionMode => SimReply.Json(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("dualSidePosition", HedgeMode);
            w.WriteEndObject();
        }),
        _ => SimReply.Error(AsterErrors.Unsupported($"{call.Endpoint} is not part of this stand-in.")),
    });

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
