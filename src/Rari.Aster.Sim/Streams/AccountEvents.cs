using System.Text.Json;

namespace Rari.Aster.Sim.Streams;

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
