using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Rari.Actors.Settings;

/// <summary>
/// Composes the trader's configuration from its layers, highest precedence first: <c>--set</c> overrides, the user's
/// <c>--config</c> file, then the reference file <c>hocon/rari.conf</c> that holds every key with its default.
/// </summary>
public static class RariConfig
{
    /// <summary>The reference file's name.</summary>
    public const string ReferenceFileName = "rari.conf";

    /// <summary>Parses HOCON text.</summary>
    /// <param name="text">The HOCON.</param>
    /// <param name="sourceName">How messages name the text (a file path, "--set").</param>
    /// <exception cref="SettingsException">The text is not HOCON.</exception>
    public static Config Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is ConfigurationException or FormatException or InvalidOperationException)
        {
            throw new SettingsException([new SettingsProblem(sourceName, null, "is not valid HOCON: " + e.Message)]);
        }
    }

    /// <summary>Reads and parses a HOCON file.</summary>
    /// <exception cref="SettingsException">The file cannot be read or is not HOCON.</exception>
    public static Config Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new SettingsException([new SettingsProblem(path, null, "cannot be read: " + e.Message)]);
        }

        return Parse(text, path);
    }

    /// <summary>Layers the configuration: <paramref name="overrides"/> over <paramref name="user"/> over <paramref name="reference"/>.</summary>
    /// <param name="reference">The reference file (every key, with its default).</param>
    /// <param name="user">The user's file, or null.</param>
    /// <param name="overrides">The <c>--set</c> overrides; a later one wins over an earlier one for the same key.</param>
    public static Config Compose(Config reference, Config? user, IReadOnlyList<ConfigOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(overrides);
        var config = user is null ? reference : user.WithFallback(reference);
        foreach (var entry in overrides)
        {
            config = Parse(entry.ToHocon(), "--set " + entry).WithFallback(config);
        }

        return config;
    }

    /// <summary>
    /// Every value under <paramref name="path"/> as (full path, value text), sorted by path: the effective settings a
    /// report lists. Values are written as HOCON holds them; HOCON null as <c>null</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(Config root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var values = new List<KeyValuePair<string, string>>();
        if (root.GetValue(path) is { } value)
        {
            Collect(value, path, values);
        }

        values.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return values;
    }

    private static void Collect(HoconValue value, string path, List<KeyValuePair<string, string>> values)
    {
        if (value.IsObject())
        {
            foreach (var item in value.GetObject().Items)
            {
                Collect(item.Value, path + "." + item.Key, values);
            }

            return;
        }

        var text = value.IsString() ? value.GetString() ?? "null" : value.ToString(0).Trim();
        values.Add(new KeyValuePair<string, string>(path, text.ToString(CultureInfo.InvariantCulture)));
    }
}
