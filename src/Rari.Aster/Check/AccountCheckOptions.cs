using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Aster.Check;

/// <summary>What <see cref="AccountCheck"/> expects of the account.</summary>
public sealed record AccountCheckOptions
{
    /// <summary>The per-asset table: the leverage each traded symbol must have.</summary>
    public AssetProfileTable Assets { get; init; } = AssetProfileTable.Default;

    /// <summary>The symbols rari will trade; every symbol of <see cref="Assets"/> by default.</summary>
    public IReadOnlyList<Symbol>? Symbols { get; init; }

    /// <summary>The margin type rari expects on every traded symbol: cross by default.</summary>
    public AsterMarginType MarginType { get; init; } = AsterMarginType.Crossed;

    /// <summary>The asset balances and margin are counted in.</summary>
    public string MarginAsset { get; init; } = "USDT";

    /// <summary>
    /// The least available balance that passes. The check always asks for at least the margin of the smallest order the
    /// venue accepts on every traded symbol at its table leverage; this raises the bar.
    /// </summary>
    public decimal MinimumBalance { get; init; }

    /// <summary>The largest clock offset that passes. rari corrects for the offset, but a clock this far off is drifting.</summary>
    public TimeSpan MaxClockOffset { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The symbols checked: <see cref="Symbols"/>, or the table's.</summary>
    public IReadOnlyList<Symbol> TradedSymbols => Symbols ?? [.. Assets.Profiles.Select(p => p.Symbol)];
}
