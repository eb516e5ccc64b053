using Rari.Aster.Models;
using Rari.Aster.Sim.Instruments;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// The rules a live-market simulator serves for its symbols: the upstream's exchangeInfo filters (tick, step, min
/// notional, percent price, order limits, liquidation fee, market take bound, trigger protect, precisions, onboard
/// date), so paper orders are refused and rounded exactly as the upstream would. What exchangeInfo does not publish —
/// the leverage brackets (a signed endpoint), fee rates and funding settings — comes from the simulator's built-in
/// instrument of the same symbol, or the derived defaults (<see cref="DerivedInstrument"/>) for any other symbol.
/// </summary>
internal static class UpstreamInstruments
{
    /// <summary>The specs of <paramref name="symbols"/>, in their order.</summary>
    /// <exception cref="InvalidDataException">A symbol is not listed upstream or its filters are unusable; the message names it.</exception>
    public static IReadOnlyList<SymbolSpec> Specs(AsterExchangeInfo info, IReadOnlyList<Symbol> symbols, Uri upstream)
    {
        var listed = info.Symbols.ToDictionary(s => s.Symbol, StringComparer.Ordinal);
        var builtIn = InstrumentsFile.BuiltIn().ToDictionary(s => s.Instrument.Symbol);
        var specs = new List<SymbolSpec>(symbols.Count);
        foreach (var symbol in symbols)
        {
            if (!listed.TryGetValue(symbol.Value, out var upstreamSymbol))
            {
                throw new InvalidDataException($"The upstream {upstream} does not list {symbol} in its exchangeInfo; choose a symbol it trades.");
            }

            var known = builtIn.GetValueOrDefault(symbol);
            var brackets = known?.Instrument.LeverageBrackets ?? DerivedInstrument.Brackets;
            if (!upstreamSymbol.TryToInstrument(brackets, out var instrument, out var problem))
            {
                throw new InvalidDataException($"The upstream {upstream}: {problem}");
            }

            specs.Add(known is not null
                ? known with
                {
                    Instrument = instrument,
                    TriggerProtect = upstreamSymbol.TriggerProtect,
                    OnboardDate = upstreamSymbol.OnboardDate,
                }
                : DerivedInstrument.WithDefaults(instrument, upstreamSymbol.TriggerProtect, upstreamSymbol.OnboardDate));
        }

        return specs;
    }
}
