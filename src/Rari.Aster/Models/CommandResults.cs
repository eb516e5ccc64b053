namespace Rari.Aster.Models;

/// <summary>A plain acknowledgement, <c>{"code":200,"msg":"success"}</c>; cancel-all sends the code as the text "200".</summary>
public sealed record AsterAcknowledgement
{
    /// <summary>The code as sent ("200").</summary>
    public string Code { get; init; } = string.Empty;

    /// <summary>The message.</summary>
    public string Msg { get; init; } = string.Empty;
}

/// <summary>The answer of <c>countdownCancelAll</c>.</summary>
public sealed record AsterCountdownCancelAll
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>The armed countdown in ms (0: stopped).</summary>
    public long CountdownTime { get; init; }
}

/// <summary>The answer of <c>GET positionSide/dual</c>.</summary>
public sealed record AsterPositionMode
{
    /// <summary>True in hedge mode, false in one-way mode.</summary>
    public bool DualSidePosition { get; init; }
}

/// <summary>The answer of <c>POST leverage</c>.</summary>
public sealed record AsterLeverageChange
{
    /// <summary>Symbol.</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>The leverage now in force.</summary>
    public int Leverage { get; init; }

    /// <summary>The largest position notional allowed at this leverage.</summary>
    public decimal MaxNotionalValue { get; init; }
}

/// <summary>The answer of <c>POST positionMargin</c>.</summary>
public sealed record AsterPositionMarginChange
{
    /// <summary>The amount moved.</summary>
    public decimal Amount { get; init; }

    /// <summary>1 added, 2 removed.</summary>
    public int Type { get; init; }

    /// <summary>The venue's message.</summary>
    public string Msg { get; init; } = string.Empty;
}

/// <summary>The answer of the listenKey endpoints.</summary>
public sealed record AsterListenKey
{
    /// <summary>The user-data stream key.</summary>
    public string ListenKey { get; init; } = string.Empty;
}
