using Rari.Domain.Instruments;

namespace Rari.Domain.Strategies.Grid;

/// <summary>
/// The lattice a grid's levels sit on, and the window of it the grid currently uses: level <c>k</c> is
/// <c>Anchor + k × Step</c> (arithmetic) or <c>Anchor × Step^k</c> (geometric), rounded to the nearest tick, and the
/// grid uses levels <see cref="FirstIndex"/> to <see cref="LastIndex"/>.
/// </summary>
/// <remarks>
/// Trailing and recentring move the window along the same lattice, so a level that stays inside the window keeps its
/// exact price and its order. Only a rebuild with a different spacing starts a new lattice.
/// </remarks>
/// <param name="Mode">Arithmetic or geometric.</param>
/// <param name="Anchor">The price of level 0, before tick rounding.</param>
/// <param name="Step">The price step (arithmetic) or the ratio between adjacent levels (geometric, above 1).</param>
/// <param name="FirstIndex">The lattice index of the window's lowest level.</param>
/// <param name="LevelCount">How many levels the window holds (one more than its rungs).</param>
public sealed record GridLayout(GridSpacingMode Mode, decimal Anchor, decimal Step, int FirstIndex, int LevelCount)
{
    /// <summary>The lattice index of the window's highest level.</summary>
    public int LastIndex => FirstIndex + LevelCount - 1;

    /// <summary>The step as a fraction of the price: <c>ratio − 1</c> (geometric) or <c>step / anchor</c> (arithmetic).</summary>
    public decimal RelativeSpacing => Mode == GridSpacingMode.Geometric ? Step - 1m : Step / Anchor;

    /// <summary>The exact (unrounded) price of lattice level <paramref name="index"/>.</summary>
    public decimal RawPrice(int index) => Mode switch
    {
        GridSpacingMode.Arithmetic => Anchor + (index * Step),
        _ => index >= 0 ? Anchor * GridMath.Power(Step, index) : Anchor / GridMath.Power(Step, -index),
    };

    /// <summary>The price of lattice level <paramref name="index"/>, rounded to the nearest tick of the instrument.</summary>
    public decimal Price(int index, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.RoundPrice(RawPrice(index), TickRounding.Nearest);
    }

    /// <summary>The same lattice with the window moved by <paramref name="levels"/> (positive: up).</summary>
    public GridLayout Shifted(int levels) => this with { FirstIndex = FirstIndex + levels };
}
