namespace Rari.Domain.Strategies.Volatility;

/// <summary>What the latest bar says about opening a position.</summary>
/// <param name="Kind">Momentum, mean reversion, or <see cref="SignalKind.None"/>.</param>
/// <param name="Direction">The side to open; <see cref="PositionDirection.None"/> without a signal.</param>
public readonly record struct EntrySignal(SignalKind Kind, PositionDirection Direction)
{
    /// <summary>No signal.</summary>
    public static EntrySignal None => new(SignalKind.None, PositionDirection.None);

    /// <summary>True when the bar calls for an entry.</summary>
    public bool IsEntry => Kind != SignalKind.None && Direction != PositionDirection.None;
}
