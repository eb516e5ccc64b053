using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;

namespace Rari.Domain.Tests.Portfolio;

/// <summary>Leverage-bracket tables for the portfolio specs, with <c>cum</c> derived so the schedule is continuous.</summary>
internal static class TestBrackets
{
    /// <summary>BTCUSDT-like table: 0–50k at 0.4 %, 50k–250k at 0.5 % (cum 50), 250k–1M at 1 % (cum 1,300), 1M–10M at 2.5 % (cum 16,300), above at 5 % (cum 266,300).</summary>
    public static readonly IReadOnlyList<LeverageBracket> Btc = Build(
        (0m, 125, 0.004m),
        (50_000m, 100, 0.005m),
        (250_000m, 50, 0.01m),
        (1_000_000m, 20, 0.025m),
        (10_000_000m, 10, 0.05m));

    /// <summary>A small-cap table: 0–5k at 1 %, 5k–25k at 2.5 % (cum 75), 25k–100k at 5 % (cum 700), above at 10 % (cum 5,700).</summary>
    public static readonly IReadOnlyList<LeverageBracket> Alt = Build(
        (0m, 50, 0.01m),
        (5_000m, 25, 0.025m),
        (25_000m, 10, 0.05m),
        (100_000m, 5, 0.1m));

    /// <summary>BTCUSDT gets <see cref="Btc"/>, every other symbol <see cref="Alt"/>.</summary>
    public static IReadOnlyList<LeverageBracket> For(Symbol symbol) => symbol.Value == "BTCUSDT" ? Btc : Alt;

    /// <summary>Builds a table from (floor, max leverage, maintenance ratio) rows; each cap is the next floor, cum makes it continuous.</summary>
    public static IReadOnlyList<LeverageBracket> Build(params (decimal Floor, int Leverage, decimal Ratio)[] rows)
    {
        var brackets = new List<LeverageBracket>();
        var cum = 0m;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0)
            {
                cum += rows[i].Floor * (rows[i].Ratio - rows[i - 1].Ratio);
            }

            var cap = i + 1 < rows.Length ? rows[i + 1].Floor : 9_223_372_036_854_775_807m;
            brackets.Add(new LeverageBracket(i + 1, rows[i].Leverage, rows[i].Floor, cap, rows[i].Ratio, cum));
        }

        return brackets;
    }
}
