using System.Globalization;

namespace Rari.Domain.Strategies.Sizing;

/// <summary>
/// How the fractional Kelly sizer turns a strategy's trade statistics into the share of equity it may risk on the
/// next trade.
/// </summary>
/// <remarks>
/// Defaults: a quarter Kelly (full Kelly is far too aggressive for estimated statistics), never more than 5 % of equity
/// at risk (the original tool's <c>max_single_position_risk</c>), and 1 % until 20 round trips have closed. Disabled
/// unless switched on: with a negative measured edge Kelly answers 0, and a strategy that no longer trades never
/// produces the trades that could revise that answer, so enabling it is an operator's decision.
/// </remarks>
public sealed record KellySettings
{
    /// <summary>Whether the sizer caps positions at all.</summary>
    public bool Enabled { get; init; }

    /// <summary>The share of full Kelly used, in (0, 1]; 0.25 is "quarter Kelly".</summary>
    public decimal Fraction { get; init; } = 0.25m;

    /// <summary>The largest share of equity ever put at risk, in (0, 1].</summary>
    public decimal MaxFraction { get; init; } = 0.05m;

    /// <summary>Closed round trips needed before the statistics are trusted; at least 1.</summary>
    public int MinTrades { get; init; } = 20;

    /// <summary>The share of equity at risk until <see cref="MinTrades"/> round trips have closed, in [0, <see cref="MaxFraction"/>].</summary>
    public decimal DefaultFraction { get; init; } = 0.01m;

    /// <summary>Every problem with these settings, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Fraction is <= 0m or > 1m)
        {
            errors.Add(Text($"kelly.fraction = {Fraction}: must be in (0, 1]."));
        }

        if (MaxFraction is <= 0m or > 1m)
        {
            errors.Add(Text($"kelly.max-fraction = {MaxFraction}: must be in (0, 1]."));
        }

        if (MinTrades < 1)
        {
            errors.Add(Text($"kelly.min-trades = {MinTrades}: must be at least 1."));
        }

        if (DefaultFraction < 0m || DefaultFraction > MaxFraction)
        {
            errors.Add(Text($"kelly.default-fraction = {DefaultFraction}: must be in [0, max-fraction = {MaxFraction}]."));
        }

        return errors;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
