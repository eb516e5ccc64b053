using Rari.Domain.Identifiers;

namespace Rari.Domain.Strategies.Sizing;

/// <summary>
/// The per-asset table: a profile for each known symbol and a cautious fallback for every other one. The defaults are
/// the original tool's asset table; the HOCON block <c>rari.assets.&lt;SYMBOL&gt;</c> will override them.
/// </summary>
/// <remarks>
/// <para>The original table, and how it maps onto this project's strategies:</para>
/// <list type="table">
/// <listheader><term>symbol</term><description>leverage, original strategy → preferred strategy</description></listheader>
/// <item><term>BTCUSDT, ETHUSDT</term><description>50×, "Conservative" → <see cref="StrategyKind.Hybrid"/>: the original has
/// no strategy of that name; the hybrid is the cautious one, trading each regime with the child that suits it and
/// standing aside in extremes.</description></item>
/// <item><term>SOLUSDT, SUIUSDT</term><description>25×, "Grid + Volatility" → <see cref="StrategyKind.Hybrid"/>.</description></item>
/// <item><term>ASTERUSDT</term><description>10×, "Grid" → <see cref="StrategyKind.Grid"/>.</description></item>
/// <item><term>PENGUUSDT</term><description>5×, "Volatility" → <see cref="StrategyKind.Volatility"/>.</description></item>
/// </list>
/// <para>Unknown symbols get the fallback: the table's lowest leverage (5×), the hybrid, and <see cref="VolatilityClass.High"/>,
/// so that nothing unknown is ever traded more aggressively than the riskiest known asset.</para>
/// <para>Immutable, so one instance can be shared.</para>
/// </remarks>
public sealed class AssetProfileTable
{
    private readonly Dictionary<Symbol, AssetProfile> _profiles;

    /// <summary>Creates a table.</summary>
    /// <param name="profiles">One profile per symbol.</param>
    /// <param name="fallback">The profile for unknown symbols; its symbol is replaced by the one asked for.</param>
    /// <exception cref="ArgumentException">Two profiles name the same symbol.</exception>
    public AssetProfileTable(IEnumerable<AssetProfile> profiles, AssetProfile fallback)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        Fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _profiles = [];
        foreach (var profile in profiles)
        {
            if (!_profiles.TryAdd(profile.Symbol, profile))
            {
                throw new ArgumentException($"{profile.Symbol} has two profiles; give each symbol one.", nameof(profiles));
            }
        }

        Profiles = _profiles.Values.OrderBy(p => p.Symbol.Value, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The original tool's table with the cautious fallback.</summary>
    public static AssetProfileTable Default { get; } = new(
        [
            new(new Symbol("BTCUSDT"), 50, StrategyKind.Hybrid, VolatilityClass.Medium),
            new(new Symbol("ETHUSDT"), 50, StrategyKind.Hybrid, VolatilityClass.Medium),
            new(new Symbol("SOLUSDT"), 25, StrategyKind.Hybrid, VolatilityClass.High),
            new(new Symbol("SUIUSDT"), 25, StrategyKind.Hybrid, VolatilityClass.High),
            new(new Symbol("ASTERUSDT"), 10, StrategyKind.Grid, VolatilityClass.Medium),
            new(new Symbol("PENGUUSDT"), 5, StrategyKind.Volatility, VolatilityClass.Extreme),
        ],
        new AssetProfile(new Symbol("UNKNOWN"), 5, StrategyKind.Hybrid, VolatilityClass.High));

    /// <summary>The known profiles, ordered by symbol.</summary>
    public IReadOnlyList<AssetProfile> Profiles { get; }

    /// <summary>The template for unknown symbols.</summary>
    public AssetProfile Fallback { get; }

    /// <summary>True when the table has a profile of its own for <paramref name="symbol"/>.</summary>
    public bool Contains(Symbol symbol) => _profiles.ContainsKey(symbol);

    /// <summary>The profile for <paramref name="symbol"/>, or the fallback carrying that symbol.</summary>
    public AssetProfile For(Symbol symbol) =>
        _profiles.TryGetValue(symbol, out var profile) ? profile : Fallback with { Symbol = symbol };
}
