using Microsoft.Extensions.Logging;
using Rari.Actors.Audit;
using Rari.Actors.Hosting;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Actors.Venue;
using Rari.Aster.Streams;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Node.Trading;

// What `rari run` and `rari node` both do with an open connection: prepare the symbols at the venue, then describe the
// runtime the actors run on.
public sealed partial class VenueConnection
{
    /// <summary>
    /// Loads and prepares the traded symbols (filters, leverage, fees); on failure returns null and says why in
    /// <paramref name="problem"/> (a symbol the venue refuses, or a venue that cannot be reached).
    /// </summary>
    public async Task<SymbolCatalog?> LoadCatalogAsync(
        IReadOnlyList<Symbol> symbols, RariSettings settings, ILogger log, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problem);
        try
        {
            return await SymbolCatalogLoader.LoadAsync(Rest, symbols, settings.Assets, log, cancellationToken).ConfigureAwait(false);
        }
        catch (SymbolCatalogException e)
        {
            problem(e.Message);
        }
        catch (HttpRequestException e)
        {
            problem($"cannot reach the venue at {Options.RestBaseUrl}: {e.Message}");
        }

        return null;
    }

    /// <summary>The runtime of the actors trading through this connection.</summary>
    public RariRuntime CreateRuntime(
        StrategyKind mode, IReadOnlyList<Symbol> symbols, RariSettings settings, SymbolCatalog catalog, IAuditTrail audit, ILoggerFactory loggerFactory) =>
        new(
            mode,
            symbols,
            settings,
            catalog,
            Rest,
            MarketStreamOptions.For(Options),
            UserStreamOptions.For(Options),
            audit,
            TimeProvider.System,
            loggerFactory,
            AccountName);
}
