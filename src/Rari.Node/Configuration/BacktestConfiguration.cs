using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Backtest;

namespace Rari.Node.Configuration;

/// <summary>The composed configuration of a backtest: the HOCON tree, the trader's settings and the backtest's settings.</summary>
/// <param name="Root">The composed HOCON (overrides, user file, reference file).</param>
/// <param name="Rari">The trader's settings (<c>rari.*</c>).</param>
/// <param name="Backtest">The backtest's settings (<c>rari.backtest</c>, with the limits of <c>rari.risk</c>).</param>
public sealed record BacktestConfiguration(Config Root, RariSettings Rari, BacktestSettings Backtest)
{
    /// <summary>Reads the settings of a composed configuration, reporting the problems of every block at once.</summary>
    /// <exception cref="SettingsException">Every problem found.</exception>
    public static BacktestConfiguration Create(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var reader = new ConfigReader(root.GetConfig(RariSettingsLoader.Path), RariSettingsLoader.Path);
        var rari = RariSettingsLoader.Read(reader);
        var backtest = BacktestSettingsLoader.Read(reader.Child(RariSettingsLoader.BacktestBlock), rari.Risk);
        reader.RejectUnknownKeys();
        reader.ThrowIfAny();
        return new BacktestConfiguration(root, rari, backtest);
    }

    /// <summary>
    /// The effective settings under the given blocks of <c>rari</c> (e.g. <c>grid</c>, <c>backtest</c>,
    /// <c>assets.BTCUSDT</c>), as path → value sorted by path: what the report lists.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters(IEnumerable<string> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var block in blocks.Distinct(StringComparer.Ordinal))
        {
            values.AddRange(RariConfig.Flatten(Root, $"{RariSettingsLoader.Path}.{block}"));
        }

        values.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return values;
    }
}
