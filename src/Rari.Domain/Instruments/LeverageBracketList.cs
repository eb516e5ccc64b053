using System.Collections;

namespace Rari.Domain.Instruments;

/// <summary>
/// A validated, immutable leverage-bracket table sorted by notional floor, with value equality so that two
/// <see cref="Instrument"/>s with the same table compare equal.
/// </summary>
internal sealed class LeverageBracketList : IReadOnlyList<LeverageBracket>, IEquatable<LeverageBracketList>
{
    private readonly LeverageBracket[] _brackets;

    private LeverageBracketList(LeverageBracket[] brackets) => _brackets = brackets;

    public int Count => _brackets.Length;

    public LeverageBracket this[int index] => _brackets[index];

    /// <summary>Sorts and validates a table: it starts at notional 0 and each bracket begins where the previous one ends.</summary>
    /// <exception cref="ArgumentException">The table is empty, a row is invalid, or there is a gap or overlap.</exception>
    public static LeverageBracketList Create(IEnumerable<LeverageBracket> brackets, string paramName)
    {
        ArgumentNullException.ThrowIfNull(brackets, paramName);
        var sorted = brackets.OrderBy(b => b.NotionalFloor).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("LeverageBrackets must hold at least one bracket.", paramName);
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            var bracket = sorted[i] ?? throw new ArgumentException("LeverageBrackets must not contain null.", paramName);
            Require(bracket.InitialLeverage >= 1, paramName, bracket, "initialLeverage must be at least 1");
            Require(bracket.NotionalCap > bracket.NotionalFloor, paramName, bracket, "notionalCap must be above notionalFloor");
            Require(bracket.MaintMarginRatio is >= 0m and < 1m, paramName, bracket, "maintMarginRatio must be in [0, 1)");
            Require(bracket.Cum >= 0m, paramName, bracket, "cum must not be negative");

            var expectedFloor = i == 0 ? 0m : sorted[i - 1].NotionalCap;
            Require(
                bracket.NotionalFloor == expectedFloor,
                paramName,
                bracket,
                i == 0
                    ? "the first bracket must start at notional 0"
                    : $"it starts at {DecimalText.Format(bracket.NotionalFloor)} but the bracket below ends at {DecimalText.Format(expectedFloor)}; brackets must be contiguous");
        }

        return new LeverageBracketList(sorted);
    }

    public IEnumerator<LeverageBracket> GetEnumerator() => ((IEnumerable<LeverageBracket>)_brackets).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(LeverageBracketList? other) =>
        other is not null && (ReferenceEquals(this, other) || _brackets.AsSpan().SequenceEqual(other._brackets));

    public override bool Equals(object? obj) => Equals(obj as LeverageBracketList);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var bracket in _brackets)
        {
            hash.Add(bracket);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"{Count} leverage brackets, {_brackets[0].InitialLeverage}x up to {DecimalText.Format(_brackets[^1].NotionalCap)} notional";

    private static void Require(bool condition, string paramName, LeverageBracket bracket, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(
                $"LeverageBrackets: bracket {bracket.Bracket} (notional {DecimalText.Format(bracket.NotionalFloor)}–{DecimalText.Format(bracket.NotionalCap)}) is invalid: {rule}.",
                paramName);
        }
    }
}
