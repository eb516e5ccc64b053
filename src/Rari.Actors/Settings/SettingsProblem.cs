namespace Rari.Actors.Settings;

/// <summary>One bad configuration key: where it is, what it holds and why that is refused.</summary>
/// <param name="Path">The full HOCON path, e.g. <c>rari.grid.levels</c>.</param>
/// <param name="Value">The value as written, or null when the problem is not about one value (a missing block, a combination).</param>
/// <param name="Reason">Why, and what is allowed.</param>
public sealed record SettingsProblem(string Path, string? Value, string Reason)
{
    /// <summary>The problem as one line: <c>path = value: reason</c>.</summary>
    public override string ToString() => Value is null ? $"{Path}: {Reason}" : $"{Path} = {Value}: {Reason}";
}
