using Rari.Actors.Settings;
using Rari.Aster.Sim.Live;
using Rari.Domain.Identifiers;
using Rari.Node.Configuration;
using Rari.Node.Trading;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari sim --market live</c>: the upstream from <c>rari.live-market</c> (hocon/rari.conf, then <c>--config</c>), the
/// symbols from <c>--symbols</c> or <c>rari.assets</c>, connected and loaded.
/// </summary>
internal static class SimLiveMarket
{
    /// <exception cref="SettingsException">A setting is invalid.</exception>
    /// <exception cref="ArgumentException">--symbols is malformed, or the options are unusable.</exception>
    /// <exception cref="InvalidDataException">The upstream does not list a symbol or has no history for it.</exception>
    /// <exception cref="HttpRequestException">The upstream cannot be reached.</exception>
    public static Task<LiveMarket> ConnectAsync(string? symbolsText, string? configFile, CancellationToken cancellationToken)
    {
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new ArgumentException($"--config {configFile}: no such file.");
        }

        var tree = RariConfig.Compose(RariConfig.Load(ConfigFiles.ReferencePath()), configFile is null ? null : RariConfig.Load(configFile), []);
        var options = LiveMarketSettingsLoader.Create(tree);
        IReadOnlyList<Symbol> symbols;
        if (symbolsText is null)
        {
            symbols = [.. RariSettingsLoader.Create(tree).Assets.Profiles.Select(p => p.Symbol)];
        }
        else if (!CommandValues.TryParseSymbols(symbolsText, out symbols, out var bad))
        {
            throw new ArgumentException($"--symbols: '{bad}' is not a symbol; give upper-case symbols separated by commas, e.g. BTCUSDT,ETHUSDT.");
        }

        return LiveMarket.ConnectAsync(options with { Symbols = symbols }, cancellationToken: cancellationToken);
    }
}
