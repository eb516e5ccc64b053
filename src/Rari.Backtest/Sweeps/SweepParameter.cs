using System.Globalization;

namespace Rari.Backtest.Sweeps;

/// <summary>
/// One swept setting, <c>key=from..to:step</c> on the command line (<c>grid.levels=8..16:2</c>): the HOCON path under
/// <c>rari</c> and the values it takes, from <see cref="From"/> to <see cref="To"/> inclusive in steps of <see cref="Step"/>.
/// </summary>
/// <param name="Key">The HOCON path under <c>rari</c>, e.g. <c>grid.spacing</c>.</param>
/// <param name="From">The first value.</param>
/// <param name="To">The last value (reached only when it lies on the step grid).</param>
/// <param name="Step">The step, positive.</param>
public sealed record SweepParameter(string Key, decimal From, decimal To, decimal Step)
{
    /// <summary>The most values one parameter may take.</summary>
    public const int MaxValues = 1_000;

    /// <summary>Reads <c>key=from..to:step</c>.</summary>
    /// <exception cref="FormatException">The text does not have that shape, the numbers do not parse, from &gt; to, the step is not positive, or there would be more than <see cref="MaxValues"/> values.</exception>
    public static SweepParameter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var range = equals > 0 ? text[(equals + 1)..] : string.Empty;
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        var colon = range.LastIndexOf(':');
        if (equals <= 0 || dots <= 0 || colon < dots + 2)
        {
            throw new FormatException($"--sweep '{text}' is not key=from..to:step, e.g. --sweep grid.levels=8..16:2 or --sweep grid.spacing=0.01..0.03:0.005.");
        }

        var key = text[..equals].Trim();
        if (key.StartsWith("rari.", StringComparison.Ordinal))
        {
            key = key[5..];
        }

        if (!TryNumber(range[..dots], out var from) || !TryNumber(range[(dots + 2)..colon], out var to) || !TryNumber(range[(colon + 1)..], out var step))
        {
            throw new FormatException($"--sweep '{text}': from, to and step must be numbers such as 8..16:2 or 0.01..0.03:0.005.");
        }

        if (step <= 0m || from > to)
        {
            throw new FormatException($"--sweep '{text}': the step must be positive and from must not exceed to.");
        }

        if (((to - from) / step) + 1 > MaxValues)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"--sweep '{text}' gives more than {MaxValues} values; use a larger step."));
        }

        return new SweepParameter(key, from, to, step);
    }

    /// <summary>The values, as the exact decimal text each run's configuration gets (trailing zeros dropped: <c>10</c>, <c>0.015</c>).</summary>
    public IReadOnlyList<string> Values()
    {
        var values = new List<string>();
        for (var value = From; value <= To; value += Step)
        {
            values.Add(Format(value));
        }

        return values;
    }

    /// <summary>The parameter as typed.</summary>
    public override string ToString() => $"{Key}={Format(From)}..{Format(To)}:{Format(Step)}";

    /// <summary>A decimal without trailing zeros, invariant: 10.0 → "10", 0.0150 → "0.015".</summary>
    public static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
