using System.Text.Json;

namespace Rari.Aster.Sim.Streams;

/// <summary>
/// An event of the user data stream (fact sheet §4.5). The trading engine builds them and publishes them through
/// <see cref="IUserEventSink"/>; the simulator writes them with Aster's field names and delivers them to every
/// connection listening on the account's active listenKey.
/// </summary>
/// <remarks>
/// Enumerations are carried as Aster's wire text (<c>"BUY"</c>, <c>"LIMIT"</c>, <c>"PARTIALLY_FILLED"</c>) and
/// decimals as the exact strings to send, formatted by the engine with the instrument's precision.
/// </remarks>
/// <param name="EventTimeMs">Event time <c>E</c>, UTC epoch ms (use market time).</param>
public abstract record UserStreamEvent(long EventTimeMs)
{
    /// <summary>The <c>e</c> field.</summary>
    public abstract string EventType { get; }

    /// <summary>Writes the whole event object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("e", EventType);
        w.WriteNumber("E", EventTimeMs);
        WriteFields(w);
        w.WriteEndObject();
    }

    /// <summary>Writes the fields after <c>e</c> and <c>E</c>.</summary>
    protected abstract void WriteFields(Utf8JsonWriter w);
}

/// <summary><c>listenKeyExpired</c>: sent by the simulator when the key behind a connection expires.</summary>
/// <param name="EventTimeMs">Wall-clock time of the expiry, UTC epoch ms.</param>
/// <param name="ListenKey">The expired key.</param>
public sealed record ListenKeyExpired(long EventTimeMs, string ListenKey) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "listenKeyExpired";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w) => w.WriteString("listenKey", ListenKey);
}

/// <summary>The <c>o</c> object of an <c>ORDER_TRADE_UPDATE</c>; see fact sheet §4.5 for each field's meaning.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="ClientOrderId"><c>c</c>.</param>
/// <param name="Side"><c>S</c>: BUY or SELL.</param>
/// <param name="OrderType"><c>o</c>: the current type.</param>
/// <param name="TimeInForce"><c>f</c>.</param>
/// <param name="OriginalQuantity"><c>q</c>.</param>
/// <param name="OriginalPrice"><c>p</c>.</param>
/// <param name="AveragePrice"><c>ap</c>.</param>
/// <param name="StopPrice"><c>sp</c>.</param>
/// <param name="ExecutionType"><c>x</c>: NEW, TRADE, CANCELED, EXPIRED, CALCULATED, AMENDMENT.</param>
/// <param name="OrderStatus"><c>X</c>: NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, …</param>
/// <param name="OrderId"><c>i</c>.</param>
/// <param name="LastFilledQuantity"><c>l</c>.</param>
/// <param name="CumulativeFilledQuantity"><c>z</c>.</param>
/// <param name="LastFilledPrice"><c>L</c>.</param>
/// <param name="TradeTimeMs"><c>T</c>.</param>
/// <param name="TradeId"><c>t</c>: 0 when the event is not a trade.</param>
/// <param name="BidsNotional"><c>b</c>.</param>
/// <param name="AsksNotional"><c>a</c>.</param>
/// <param name="IsMaker"><c>m</c>.</param>
/// <param name="ReduceOnly"><c>R</c>.</param>
/// <param name="WorkingType"><c>wt</c>.</param>
/// <param name="OriginalOrderType"><c>ot</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
/// <param name="ClosePosition"><c>cp</c>.</param>
/// <param name="RealizedProfit"><c>rp</c>.</param>
public sealed record OrderUpdate(
    string Symbol,
    string ClientOrderId,
    string Side,
    string OrderType,
    string TimeInForce,
    string OriginalQuantity,
    string OriginalPrice,
    string AveragePrice,
    string StopPrice,
    string ExecutionType,
    string OrderStatus,
    long OrderId,
    string LastFilledQuantity,
    string CumulativeFilledQuantity,
    string LastFilledPrice,
    long TradeTimeMs,
    long TradeId,
    string BidsNotional,
    string AsksNotional,
    bool IsMaker,
    bool ReduceOnly,
    string WorkingType,
    string OriginalOrderType,
    string PositionSide,
    bool ClosePosition,
    string RealizedProfit)
{
    /// <summary><c>N</c>: the commission asset; null (left out) when there is no commission.</summary>
    public string? CommissionAsset { get; init; }

    /// <summary><c>n</c>: the commission of this fill; null (left out) when there is no commission.</summary>
    public string? Commission { get; init; }

    /// <summary><c>AP</c>: activation price, trailing stops only.</summary>
    public string? ActivationPrice { get; init; }

    /// <summary><c>cr</c>: callback rate, trailing stops only.</summary>
    public string? CallbackRate { get; init; }

    internal void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("o");
        w.WriteString("s", Symbol);
        w.WriteString("c", ClientOrderId);
        w.WriteString("S", Side);
        w.WriteString("o", OrderType);
        w.WriteString("f", TimeInForce);
        w.WriteString("q", OriginalQuantity);
        w.WriteString("p", OriginalPrice);
        w.WriteString("ap", AveragePrice);
        w.WriteString("sp", StopPrice);
        w.WriteString("x", ExecutionType);
        w.WriteString("X", OrderStatus);
        w.WriteNumber("i", OrderId);
        w.WriteString("l", LastFilledQuantity);
        w.WriteString("z", CumulativeFilledQuantity);
        w.WriteString("L", LastFilledPrice);
        if (CommissionAsset is not null && Commission is not null)
        {
            w.WriteString("N", CommissionAsset);
            w.WriteString("n", Commission);
        }

        w.WriteNumber("T", TradeTimeMs);
        w.WriteNumber("t", TradeId);
        w.WriteString("b", BidsNotional);
        w.WriteString("a", AsksNotional);
        w.WriteBoolean("m", IsMaker);
        w.WriteBoolean("R", ReduceOnly);
        w.WriteString("wt", WorkingType);
        w.WriteString("ot", OriginalOrderType);
        w.WriteString("ps", PositionSide);
        w.WriteBoolean("cp", ClosePosition);
        if (ActivationPrice is not null)
        {
            w.WriteString("AP", ActivationPrice);
        }

        if (CallbackRate is not null)
        {
            w.WriteString("cr", CallbackRate);
        }

        w.WriteString("rp", RealizedProfit);
        w.WriteEndObject();
    }
}

/// <summary><c>ORDER_TRADE_UPDATE</c>: an order was created or changed status.</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
/// <param name="Order"><c>o</c>.</param>
public sealed record OrderTradeUpdate(long EventTimeMs, long TransactionTimeMs, OrderUpdate Order) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "ORDER_TRADE_UPDATE";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteNumber("T", TransactionTimeMs);
        Order.Write(w);
    }
}

/// <summary>A balance row of an <c>ACCOUNT_UPDATE</c>.</summary>
/// <param name="Asset"><c>a</c>.</param>
/// <param name="WalletBalance"><c>wb</c>.</param>
/// <param name="CrossWalletBalance"><c>cw</c>.</param>
/// <param name="BalanceChange"><c>bc</c>: change except PnL and commission.</param>
public sealed record BalanceUpdate(string Asset, string WalletBalance, string CrossWalletBalance, string BalanceChange);

/// <summary>A position row of an <c>ACCOUNT_UPDATE</c>.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="PositionAmount"><c>pa</c>, signed.</param>
/// <param name="EntryPrice"><c>ep</c>.</param>
/// <param name="AccumulatedRealized"><c>cr</c>.</param>
/// <param name="UnrealizedPnl"><c>up</c>.</param>
/// <param name="MarginType"><c>mt</c>: "isolated" or "cross".</param>
/// <param name="IsolatedWallet"><c>iw</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
public sealed record PositionUpdate(
    string Symbol,
    string PositionAmount,
    string EntryPrice,
    string AccumulatedRealized,
    string UnrealizedPnl,
    string MarginType,
    string IsolatedWallet,
    string PositionSide);

/// <summary><c>ACCOUNT_UPDATE</c>: balances or positions changed.</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
/// <param name="Reason"><c>a.m</c>: ORDER, FUNDING_FEE, DEPOSIT, …</param>
/// <param name="Balances"><c>a.B</c>.</param>
/// <param name="Positions"><c>a.P</c>: only positions with an amount or an isolated wallet.</param>
public sealed record AccountUpdate(
    long EventTimeMs,
    long TransactionTimeMs,
    string Reason,
    IReadOnlyList<BalanceUpdate> Balances,
    IReadOnlyList<PositionUpdate> Positions) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "ACCOUNT_UPDATE";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteNumber("T", TransactionTimeMs);
        w.WriteStartObject("a");
        w.WriteString("m", Reason);
        w.WriteStartArray("B");
        foreach (var b in Balances)
        {
            w.WriteStartObject();
            w.WriteString("a", b.Asset);
            w.WriteString("wb", b.WalletBalance);
            w.WriteString("cw", b.CrossWalletBalance);
            w.WriteString("bc", b.BalanceChange);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("P");
        foreach (var p in Positions)
        {
            w.WriteStartObject();
            w.WriteString("s", p.Symbol);
            w.WriteString("pa", p.PositionAmount);
            w.WriteString("ep", p.EntryPrice);
            w.WriteString("cr", p.AccumulatedRealized);
            w.WriteString("up", p.UnrealizedPnl);
            w.WriteString("mt", p.MarginType);
            w.WriteString("iw", p.IsolatedWallet);
            w.WriteString("ps", p.PositionSide);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary>
/// <c>ACCOUNT_CONFIG_UPDATE</c>: a symbol's leverage changed (<see cref="Symbol"/> and <see cref="Leverage"/>, the
/// <c>ac</c> object) or the account's settings changed (<see cref="MultiAssetsMode"/>, <see cref="HedgeMode"/>, the
/// <c>ai</c> object).
/// </summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
public sealed record AccountConfigUpdate(long EventTimeMs, long TransactionTimeMs) : UserStreamEvent(EventTimeMs)
{
    /// <summary><c>ac.s</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary><c>ac.l</c>.</summary>
    public int? Leverage { get; init; }

    /// <summary><c>ai.j</c>.</summary>
    public bool? MultiAssetsMode { get; init; }

    /// <summary><c>ai.d</c>.</summary>
    public bool? HedgeMode { get; init; }

    /// <inheritdoc />
    public override string EventType => "ACCOUNT_CONFIG_UPDATE";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteNumber("T", TransactionTimeMs);
        if (Symbol is not null && Leverage is { } leverage)
        {
            w.WriteStartObject("ac");
            w.WriteString("s", Symbol);
            w.WriteNumber("l", leverage);
            w.WriteEndObject();
        }

        if (MultiAssetsMode is not null || HedgeMode is not null)
        {
            w.WriteStartObject("ai");
            w.WriteBoolean("j", MultiAssetsMode ?? false);
            w.WriteBoolean("f", false);
            w.WriteBoolean("d", HedgeMode ?? false);
            w.WriteEndObject();
        }
    }
}

/// <summary>A position row of a <c>MARGIN_CALL</c>.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
/// <param name="PositionAmount"><c>pa</c>.</param>
/// <param name="MarginType"><c>mt</c>: CROSSED or ISOLATED.</param>
/// <param name="IsolatedWallet"><c>iw</c>.</param>
/// <param name="MarkPrice"><c>mp</c>.</param>
/// <param name="UnrealizedPnl"><c>up</c>.</param>
/// <param name="MaintenanceMargin"><c>mm</c>.</param>
public sealed record MarginCallPosition(
    string Symbol,
    string PositionSide,
    string PositionAmount,
    string MarginType,
    string IsolatedWallet,
    string MarkPrice,
    string UnrealizedPnl,
    string MaintenanceMargin);

/// <summary><c>MARGIN_CALL</c>: positions near liquidation (advisory).</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="CrossWalletBalance"><c>cw</c>.</param>
/// <param name="Positions"><c>p</c>.</param>
public sealed record MarginCall(long EventTimeMs, string CrossWalletBalance, IReadOnlyList<MarginCallPosition> Positions) : UserStreamEvent(EventTimeMs)
{
    /// <inheritdoc />
    public override string EventType => "MARGIN_CALL";

    /// <inheritdoc />
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("cw", CrossWalletBalance);
        w.WriteStartArray("p");
        foreach (var p in Positions)
        {
            w.WriteStartObject();
            w.WriteString("s", p.Symbol);
            w.WriteString("ps", p.PositionSide);
            w.WriteString("pa", p.PositionAmount);
            w.WriteString("mt", p.MarginType);
            w.WriteString("iw", p.IsolatedWallet);
            w.WriteString("mp", p.MarkPrice);
            w.WriteString("up", p.UnrealizedPnl);
            w.WriteString("mm", p.MaintenanceMargin);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}

/// <summary>
/// Where the trading engine publishes an account's user-stream events. The simulator delivers each event to every
/// WebSocket listening on the account's active listenKey; with no such connection the event is dropped, as on the
/// exchange. Thread-safe.
/// </summary>
public interface IUserEventSink
{
    /// <summary>Publishes <paramref name="userEvent"/> to the listeners of account <paramref name="accountName"/>.</summary>
    void Publish(string accountName, UserStreamEvent userEvent);
}
