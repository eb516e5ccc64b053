using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

// What a bar may re-arm, computed once per decision state: on most bars the state is unchanged, no back-off ends and
// the close stays between the grid's idle rungs, so "any entry to arm?" is two comparisons instead of a walk over the
// idle rungs, and rungs whose exits the grid's own orders refuse are not tried again on every bar.
public sealed partial class GridStrategy
{
    private GridState? _entryBandOf;
    private Instrument? _entryBandInstrument;
    private EntryBand _entryBand;
    private GridState? _exitCandidatesOf;
    private Instrument? _exitCandidatesInstrument;
    private int[] _exitCandidates = [];

    /// <summary>
    /// The rungs of <paramref name="state"/> that hold inventory without an order and whose exit the grid's own orders
    /// do not refuse outright, computed once per state: a rung whose exit would cross one of them (or that the order
    /// cap stops) is otherwise tried, and refused, on every bar.
    /// </summary>
    private int[] ExitCandidatesOf(GridState state)
    {
        var instrument = _decision.Context.Instrument;
        if (ReferenceEquals(_exitCandidatesOf, state) && ReferenceEquals(_exitCandidatesInstrument, instrument))
        {
            return _exitCandidates;
        }

        var holding = RungsOf(state).Holding;
        var count = 0;
        for (var k = 0; k < holding.Length; k++)
        {
            var cell = state.Cells[holding[k]];
            count += IsRefusedOutright(state, cell.ExitSide, cell.ExitPrice) ? 0 : 1;
        }

        var candidates = count == holding.Length ? holding : new int[count];
        if (count != holding.Length)
        {
            count = 0;
            for (var k = 0; k < holding.Length; k++)
            {
                var cell = state.Cells[holding[k]];
                if (!IsRefusedOutright(state, cell.ExitSide, cell.ExitPrice))
                {
                    candidates[count++] = holding[k];
                }
            }
        }

        _exitCandidates = candidates;
        _exitCandidatesOf = state;
        _exitCandidatesInstrument = instrument;
        return candidates;
    }

    /// <summary>
    /// Whether any rung would take an entry now: it is eligible and not refused outright (order cap, crossing one of
    /// the grid's own orders). Refusals change nothing, and placing or skipping one rung's order never makes another
    /// rung eligible, so when no rung would place at the start of the walk, the walk would place nothing; it is skipped
    /// (on most bars, with its distance arithmetic).
    /// </summary>
    /// <remarks>
    /// A rung takes an entry when its back-off is over and its entry is passive: a buy below the reference, a sell above
    /// it. So for one state, among the rungs whose back-off is over, some rung would place exactly when the reference is
    /// above the lowest such buy or below the highest such sell; the band holds until the next back-off ends.
    /// </remarks>
    private bool HasEntryToArm(GridState state, long now, decimal reference)
    {
        var instrument = _decision.Context.Instrument;
        if (!ReferenceEquals(_entryBandOf, state) || !ReferenceEquals(_entryBandInstrument, instrument)
            || now < _entryBand.FromMs || now >= _entryBand.UntilMs)
        {
            _entryBand = EntryBandOf(state, now);
            _entryBandOf = state;
            _entryBandInstrument = instrument;
        }

        return (_entryBand.HasBuy && _entryBand.LowestBuy < reference) || (_entryBand.HasSell && _entryBand.HighestSell > reference);
    }

    private EntryBand EntryBandOf(GridState state, long now)
    {
        var band = new EntryBand(now, long.MaxValue, false, 0m, false, 0m);
        var idle = RungsOf(state).Idle;
        for (var k = 0; k < idle.Length; k++)
        {
            var cell = state.Cells[idle[k]];
            if (cell.Order is not null || cell.Retired || cell.HoldingQuantity != 0m
                || IsRefusedOutright(state, cell.EntrySide, cell.EntryPrice))
            {
                continue;
            }

            if (now < cell.RetryAtMs)
            {
                band = band with { UntilMs = Math.Min(band.UntilMs, cell.RetryAtMs) };
                continue;
            }

            var price = cell.EntryPrice;
            if (cell.EntrySide == OrderSide.Buy)
            {
                band = !band.HasBuy || price < band.LowestBuy ? band with { HasBuy = true, LowestBuy = price } : band;
            }
            else
            {
                band = !band.HasSell || price > band.HighestSell ? band with { HasSell = true, HighestSell = price } : band;
            }
        }

        return band;
    }

    /// <summary>
    /// The rungs of one state whose back-off is over and that are not refused outright, in brief: the lowest entry
    /// price of their buys and the highest of their sells; valid from <paramref name="FromMs"/> until the next back-off
    /// ends (<paramref name="UntilMs"/>).
    /// </summary>
    private readonly record struct EntryBand(long FromMs, long UntilMs, bool HasBuy, decimal LowestBuy, bool HasSell, decimal HighestSell);
}
