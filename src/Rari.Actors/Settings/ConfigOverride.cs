using System.Text;

namespace Rari.Actors.Settings;

/// <summary>
/// One <c>--set key=value</c> from the command line: a HOCON path under <c>rari</c> (<c>grid.levels</c>; a leading
/// <c>rari.</c> is allowed) and the value to give it, applied above every file.
/// </summary>
/// <param name="Path">The full path, e.g. <c>rari.grid.levels</c>.</param>
/// <param name="Value">The value as typed; <c>null</c> sets HOCON null (turns an optional feature off).</param>
public sealed record ConfigOverride(string Path, string Value)
{
    /// <summary>Reads <c>key=value</c>.</summary>
    /// <exception cref="SettingsException">The text is not <c>key=value</c> with a dotted key of letters, digits, '-' and '_'.</exception>
    public static ConfigOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new SettingsException([new SettingsProblem("--set", text, "write key=value with a path under rari, e.g. --set grid.levels=12")]);
        }

        var key = text[..equals].Trim();
        var value = text[(equals + 1)..].Trim();
        if (key.StartsWith(RariSettingsLoader.Path + ".", StringComparison.Ordinal))
        {
            key = key[(RariSettingsLoader.Path.Length + 1)..];
        }

        if (!IsPath(key) || value.Length == 0)
        {
            throw new SettingsException([new SettingsProblem("--set", text,
                "the key must be a dotted path of letters, digits, '-' and '_' under rari (e.g. grid.levels, risk.max-daily-loss) and the value must not be empty")]);
        }

        return new ConfigOverride($"{RariSettingsLoader.Path}.{key}", value);
    }

    /// <summary>The override as one line of HOCON; the value is quoted so that any text stays one value.</summary>
    public string ToHocon()
    {
        if (string.Equals(Value, "null", StringComparison.Ordinal))
        {
            return $"{Path} = null";
        }

        var quoted = new StringBuilder(Value.Length + 2).Append('"');
        foreach (var c in Value)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return $"{Path} = {quoted.Append('"')}";
    }

    /// <summary>The override as typed, <c>path=value</c>, with the path under <c>rari</c>.</summary>
    public override string ToString() => $"{Path[(RariSettingsLoader.Path.Length + 1)..]}={Value}";

    private static bool IsPath(string key)
    {
        if (key.Length == 0 || key[0] == '.' || key[^1] == '.' || key.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
