using Akka.Configuration;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads <c>rari.assets</c> into an <see cref="AssetProfileTable"/>: one block per symbol
/// (<c>BTCUSDT { leverage = 50, strategy = hybrid, volatility = medium }</c>) and a <c>default</c> block for every
/// symbol not listed. A symbol block may leave keys out; they are taken from <c>default</c>.
/// </summary>
public static class AssetProfilesLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.assets";

    /// <summary>The name of the block that profiles unlisted symbols.</summary>
    public const string DefaultKey = "default";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.assets</c> itself (null: the built-in table).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static AssetProfileTable Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var table = Read(reader);
        reader.ThrowIfAny();
        return table;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static AssetProfileTable Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var builtIn = AssetProfileTable.Default;
        if (reader.PresentKeys().Count == 0)
        {
            return builtIn;
        }

        var fallback = ReadProfile(reader.Child(DefaultKey), builtIn.Fallback.Symbol, builtIn.Fallback);
        var profiles = new List<AssetProfile>();
        foreach (var key in reader.PresentKeys())
        {
            if (key == DefaultKey)
            {
                continue;
            }

            if (!IsSymbol(key))
            {
                reader.Accept(key);
                reader.Add(key, null, "a symbol block needs an exchange symbol as its name, upper-case letters and digits such as BTCUSDT");
                continue;
            }

            profiles.Add(ReadProfile(reader.Child(key), new Symbol(key), fallback));
        }

        reader.RejectUnknownKeys();
        return new AssetProfileTable(profiles, fallback);
    }

    private static AssetProfile ReadProfile(ConfigReader reader, Symbol symbol, AssetProfile fallback)
    {
        var leverage = reader.Int("leverage", fallback.Leverage);
        if (leverage is < 1 or > AssetProfile.MaxLeverage)
        {
            reader.Add("leverage", leverage.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be 1-{AssetProfile.MaxLeverage}");
            leverage = fallback.Leverage;
        }

        var strategy = reader.Enum("strategy", fallback.PreferredStrategy);
        var volatility = reader.Enum("volatility", fallback.Volatility);
        reader.RejectUnknownKeys();
        return new AssetProfile(symbol, leverage, strategy, volatility);
    }

    private static bool IsSymbol(string key)
    {
        if (key.Length is 0 or > 32)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
