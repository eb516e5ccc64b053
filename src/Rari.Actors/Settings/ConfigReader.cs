using System.Globalization;
using Akka.Configuration;
using Akka.Configuration.Hocon;
using Rari.Domain.Market;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads one HOCON block key by key into typed values, collecting a <see cref="SettingsProblem"/> for every key that
/// cannot be used instead of stopping at the first. Used by every settings loader.
/// </summary>
/// <remarks>
/// <para>A key that is absent keeps the code default (the reference file <c>rari.conf</c> lists them all); a key that
/// is present must parse, and the default stands in for it only so that the rest can still be checked. HOCON
/// <c>null</c> is accepted for the optional values (those the settings describe as "null disables").</para>
/// <para>Numbers are parsed in the invariant culture as exact decimals; booleans are <c>true/false</c>,
/// <c>on/off</c> or <c>yes/no</c>; enums are written in kebab case (<c>fixed-spacing</c>); durations are a number
/// and a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>8h</c>, <c>1d</c>).</para>
/// <para>After reading, <see cref="RejectUnknownKeys"/> reports every key of the block that no one asked for (a typo
/// such as <c>levles</c> is an error, not silently ignored), with the nearest known key as a hint.</para>
/// </remarks>
public sealed class ConfigReader
{
    private readonly Config? _section;
    private readonly List<SettingsProblem> _problems;
    private readonly List<string> _known = [];
    private readonly List<string> _valuePaths;

    /// <summary>Creates a reader for the block at <paramref name="path"/> (null when the block is absent).</summary>
    /// <param name="section">The block, e.g. <c>root.GetConfig("rari.grid")</c>; null reads every key as absent.</param>
    /// <param name="path">The block's full path, used in messages, e.g. <c>rari.grid</c>.</param>
    public ConfigReader(Config? section, string path)
        : this(section, path, [], [])
    {
    }

    private ConfigReader(Config? section, string path, List<SettingsProblem> problems, List<string> valuePaths)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _section = section is { IsEmpty: false } ? section : null;
        Path = path;
        _problems = problems;
        _valuePaths = valuePaths;
    }

    /// <summary>The block's full path.</summary>
    public string Path { get; }

    /// <summary>Every problem found so far, by this reader and its children.</summary>
    public IReadOnlyList<SettingsProblem> Problems => _problems;

    /// <summary>The keys this reader was asked for, in order.</summary>
    public IReadOnlyList<string> KnownKeys => _known;

    /// <summary>The full path of every value this reader and its children were asked for, in order (the keys a reference file must list).</summary>
    public IReadOnlyList<string> ValuePaths => _valuePaths;

    /// <summary>A reader for the nested block <paramref name="key"/> that reports into the same problem list.</summary>
    public ConfigReader Child(string key)
    {
        _known.Add(key);
        Config? child = null;
        if (_section?.GetValue(key) is { } value)
        {
            if (value.IsObject())
            {
                child = _section.GetConfig(key);
            }
            else
            {
                Add(key, Describe(value), "must be a block { … } of keys");
            }
        }

        return new ConfigReader(child, $"{Path}.{key}", _problems, _valuePaths);
    }

    /// <summary>The names of the nested blocks and keys present in this block, sorted ordinally.</summary>
    public IReadOnlyList<string> PresentKeys()
    {
        if (_section is null)
        {
            return [];
        }

        var keys = new List<string>();
        foreach (var item in _section.AsEnumerable())
        {
            keys.Add(item.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Marks <paramref name="key"/> as known without reading it (for blocks read by name, such as per-symbol ones).</summary>
    public void Accept(string key) => _known.Add(key);

    /// <summary>A decimal number.</summary>
    public decimal Decimal(string key, decimal fallback) => Read(key, fallback, nullable: false, TryDecimal, "a decimal number such as 0.02") ?? fallback;

    /// <summary>A decimal number, or <c>null</c> to leave the feature off.</summary>
    public decimal? NullableDecimal(string key, decimal? fallback) => ReadNullable(key, fallback, TryDecimal, "a decimal number such as 0.02, or null to disable");

    /// <summary>A whole number.</summary>
    public int Int(string key, int fallback) => Read(key, fallback, nullable: false, TryInt, "a whole number") ?? fallback;

    /// <summary>A whole number, or <c>null</c> to leave the feature off.</summary>
    public int? NullableInt(string key, int? fallback) => ReadNullable(key, fallback, TryInt, "a whole number, or null to disable");

    /// <summary>A floating-point statistic threshold.</summary>
    public double Double(string key, double fallback) => Read(key, fallback, nullable: false, TryDouble, "a number such as 1.5") ?? fallback;

    /// <summary>A flag: true/false, on/off or yes/no.</summary>
    public bool Bool(string key, bool fallback) => Read(key, fallback, nullable: false, TryBool, "true or false (on/off, yes/no)") ?? fallback;

    /// <summary>A duration: a number and a unit (ms, s, m, h, d), e.g. <c>30s</c>; <c>0</c> alone is allowed.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Read(key, fallback, nullable: false, ConfigText.TryParseDuration, "a duration such as 500ms, 30s, 2m, 8h or 1d") ?? fallback;

    /// <summary>A kline interval such as <c>1m</c>, <c>15m</c>, <c>1h</c>.</summary>
    public KlineInterval Interval(string key, KlineInterval fallback) =>
        Read(key, fallback, nullable: false, TryInterval, "a kline interval: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w") ?? fallback;

    /// <summary>An enum value written in kebab case (<c>fixed-spacing</c> for <c>FixedSpacing</c>).</summary>
    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, Enum =>
        Read(key, fallback, nullable: false, ConfigText.TryParseEnum, "one of " + string.Join(", ", ConfigText.EnumNames<TEnum>())) ?? fallback;

    /// <summary>A text value (a symbol, a name); empty text is refused.</summary>
    public string Text(string key, string fallback)
    {
        Know(key);
        if (_section?.GetValue(key) is not { } value)
        {
            return fallback;
        }

        var text = value.IsObject() ? null : value.GetString()?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Add(key, text ?? "null", "must be a non-empty text");
            return fallback;
        }

        return text;
    }

    /// <summary>Records a problem with <paramref name="key"/> of this block.</summary>
    public void Add(string key, string? value, string reason)
    {
        if (!HasProblem(key))
        {
            _problems.Add(new SettingsProblem($"{Path}.{key}", value, reason));
        }
    }

    /// <summary>
    /// Records the messages of a settings record's own validation, which name a field first (<c>field = value: why</c>).
    /// A field that already has a problem (it did not parse, and its default was checked in its place) is skipped.
    /// </summary>
    /// <param name="messages">The record's messages.</param>
    /// <param name="fieldToKey">Maps the field name the record uses to this block's key; identity when null.</param>
    public void AddValidation(IEnumerable<string> messages, Func<string, string>? fieldToKey = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            var (field, value, reason) = ConfigText.SplitMessage(message);
            var key = fieldToKey is null ? field : fieldToKey(field);
            Add(key, value, reason);
        }
    }

    /// <summary>Reports every key of the block that was never asked for, naming the closest known key.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var key in PresentKeys())
        {
            if (!_known.Contains(key))
            {
                var hint = ConfigText.Nearest(key, _known);
                Add(key, null, hint is null ? "unknown key" : $"unknown key; did you mean '{hint}'?");
            }
        }
    }

    /// <summary>Throws a <see cref="SettingsException"/> listing every problem, if there is any.</summary>
    /// <exception cref="SettingsException">At least one problem was found.</exception>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SettingsException([.. _problems]);
        }
    }

    private T? Read<T>(string key, T fallback, bool nullable, TryParse<T> parse, string expected)
        where T : struct
    {
        Know(key);
        if (_section?.GetValue(key) is not { } value)
        {
            return fallback;
        }

        if (value.IsObject())
        {
            Add(key, null, $"must be {expected}, not a block");
            return fallback;
        }

        var text = value.GetString();
        if (text is null)
        {
            if (!nullable)
            {
                Add(key, "null", $"must be {expected}; null is not allowed here");
            }

            return null;
        }

        if (parse(text.Trim(), out var parsed))
        {
            return parsed;
        }

        Add(key, text, $"must be {expected}");
        return fallback;
    }

    private T? ReadNullable<T>(string key, T? fallback, TryParse<T> parse, string expected)
        where T : struct
    {
        Know(key);
        if (_section?.GetValue(key) is not { } value)
        {
            return fallback;
        }

        if (value.IsObject())
        {
            Add(key, null, $"must be {expected}, not a block");
            return fallback;
        }

        var text = value.GetString();
        if (text is null || string.Equals(text.Trim(), "null", StringComparison.Ordinal))
        {
            return null;
        }

        if (parse(text.Trim(), out var parsed))
        {
            return parsed;
        }

        Add(key, text, $"must be {expected}");
        return fallback;
    }

    private void Know(string key)
    {
        _known.Add(key);
        _valuePaths.Add($"{Path}.{key}");
    }

    // One message per key: a key that already failed (in this block or, by its full path, in a nested one) is not blamed twice.
    private bool HasProblem(string key)
    {
        var path = $"{Path}.{key}";
        foreach (var problem in _problems)
        {
            if (string.Equals(problem.Path, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(HoconValue value) => value.IsString() ? value.GetString() ?? "null" : value.ToString();

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool TryBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "on" or "yes":
                value = true;
                return true;
            case "false" or "off" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static bool TryInterval(string text, out KlineInterval value) => KlineInterval.TryParse(text, out value);

    private delegate bool TryParse<T>(string text, out T value);
}
