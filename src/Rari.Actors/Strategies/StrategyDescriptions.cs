using System.Globalization;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Strategies;

/// <summary>One line about a strategy's decision state for status answers: phase, orders, inventory, regime, refusal.</summary>
public static class StrategyDescriptions
{
    /// <summary>Describes <paramref name="strategy"/> in a few words, e.g. <c>grid Running, 9 live order(s), inventory 0.05</c>.</summary>
    public static string Describe(ITradingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return strategy switch
        {
            GridStrategy grid => Describe(grid.State),
            VolatilityStrategy volatility => Describe(volatility.State),
            HybridStrategy hybrid => Text(
                $"hybrid {hybrid.State.Phase}, regime {hybrid.State.Regime}, active {hybrid.State.Active}, {hybrid.State.Switches} switch(es); ")
                + (hybrid.State.Active == HybridLeg.None ? "no child active" : Describe(hybrid.Child(hybrid.State.Active))),
            _ => strategy.GetType().Name,
        };
    }

    private static string Describe(GridState state) =>
        Text($"grid {state.Phase}, {state.LiveOrderCount} live order(s), inventory {state.Inventory}, net realized {state.NetRealizedPnl} USDT")
        + (state.LastRefusal is { } refusal ? "; refused: " + refusal.Reason : string.Empty);

    private static string Describe(VolatilityState state) =>
        Text($"volatility {state.Phase}, position {state.PositionQuantity}, stop {state.StopPrice}, realized {state.RealizedPnl} USDT");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
