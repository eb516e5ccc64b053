namespace Rari.Backtest.Sweeps;

/// <summary>One combination of a sweep: a value for every swept key.</summary>
/// <param name="Index">The combination's place in the grid (the last parameter varies fastest), 0-based.</param>
/// <param name="Values">Key (HOCON path under <c>rari</c>) → value text, in the order the parameters were given.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<KeyValuePair<string, string>> Values)
{
    /// <summary>The most combinations a sweep may have.</summary>
    public const int MaxPoints = 100_000;

    /// <summary>The single point of a run without a sweep.</summary>
    public static SweepPoint Empty { get; } = new(0, []);

    /// <summary>The cartesian product of the parameters' values.</summary>
    /// <exception cref="ArgumentException">A key is swept twice, or the product exceeds <see cref="MaxPoints"/>.</exception>
    public static IReadOnlyList<SweepPoint> Grid(IReadOnlyList<SweepParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            return [Empty];
        }

        var values = new List<IReadOnlyList<string>>(parameters.Count);
        long total = 1;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (!keys.Add(parameter.Key))
            {
                throw new ArgumentException($"--sweep names {parameter.Key} twice; give each key one range.", nameof(parameters));
            }

            values.Add(parameter.Values());
            total *= values[^1].Count;
            if (total > MaxPoints)
            {
                throw new ArgumentException($"The sweep has more than {MaxPoints:N0} combinations; narrow the ranges or use larger steps.", nameof(parameters));
            }
        }

        var points = new List<SweepPoint>((int)total);
        var digits = new int[parameters.Count];
        for (var index = 0; index < total; index++)
        {
            var point = new KeyValuePair<string, string>[parameters.Count];
            for (var p = 0; p < parameters.Count; p++)
            {
                point[p] = new KeyValuePair<string, string>(parameters[p].Key, values[p][digits[p]]);
            }

            points.Add(new SweepPoint(index, point));
            for (var p = parameters.Count - 1; p >= 0; p--)
            {
                if (++digits[p] < values[p].Count)
                {
                    break;
                }

                digits[p] = 0;
            }
        }

        return points;
    }

    /// <summary>The values as <c>key=value</c> separated by spaces; "defaults" when there are none.</summary>
    public string Describe() => Values.Count == 0 ? "defaults" : string.Join(" ", Values.Select(v => $"{v.Key}={v.Value}"));
}
