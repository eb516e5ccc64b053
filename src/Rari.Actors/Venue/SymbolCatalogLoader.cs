using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Actors.Symbols;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Venue;

/// <summary>
/// Prepares the account for the traded symbols at node start and returns their <see cref="SymbolCatalog"/>: each
/// symbol's instrument from exchangeInfo and its leverage brackets, its commission rates, the account in one-way
/// position mode, and each symbol's leverage set as the asset table says (clamped to the symbol's largest bracket).
/// </summary>
/// <remarks>
/// Problems are collected rather than thrown one at a time: an unknown symbol, a refused leverage and so on all come back
/// in one <see cref="SymbolCatalogException"/>, each naming the symbol and what to do.
/// </remarks>
public static class SymbolCatalogLoader
{
    /// <summary>Loads and prepares every symbol of <paramref name="symbols"/>.</summary>
    /// <param name="rest">The account's REST client (signed calls: leverage brackets, position mode, fees, leverage).</param>
    /// <param name="symbols">The traded symbols.</param>
    /// <param name="assets">The per-asset table (<c>rari.assets</c>): the leverage each symbol is set to.</param>
    /// <param name="logger">Where a clamped leverage and a changed position mode are reported.</param>
    /// <param name="cancellationToken">Stops the loading.</param>
    /// <exception cref="ArgumentException">No symbols.</exception>
    /// <exception cref="SymbolCatalogException">Something cannot be set up; every problem is listed.</exception>
    public static async Task<SymbolCatalog> LoadAsync(
        AsterRestClient rest, IReadOnlyList<Symbol> symbols, AssetProfileTable assets, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(assets);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("Name at least one symbol to trade.", nameof(symbols));
        }

        logger ??= NullLogger.Instance;
        var instruments = await LoadInstrumentsAsync(rest, symbols.Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        await EnsureOneWayModeAsync(rest, logger, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var setups = new Dictionary<Symbol, SymbolSetup>();
        foreach (var instrument in instruments)
        {
            if (await SetUpAsync(rest, instrument, assets.For(instrument.Symbol).Leverage, logger, problems, cancellationToken).ConfigureAwait(false) is { } setup)
            {
                setups.Add(instrument.Symbol, setup);
            }
        }

        ThrowIfAny(problems);
        return new SymbolCatalog(setups);
    }

    private static async Task<List<Instrument>> LoadInstrumentsAsync(AsterRestClient rest, List<Symbol> symbols, CancellationToken cancellationToken)
    {
        AsterExchangeInfo info;
        IReadOnlyList<AsterSymbolBrackets> brackets;
        try
        {
            info = await rest.GetExchangeInfoAsync(cancellationToken).ConfigureAwait(false);
            brackets = await rest.GetLeverageBracketsAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (AsterApiException e)
        {
            throw new SymbolCatalogException(
                $"the venue's symbol list could not be read ({Venue(e)}). Check the REST URL, the network and the API key's permissions (rari check tells which), then start again.",
                e);
        }

        var problems = new List<string>();
        var instruments = new List<Instrument>(symbols.Count);
        foreach (var symbol in symbols)
        {
            var listed = info.Symbols.FirstOrDefault(s => s.Symbol == symbol.Value);
            if (listed is null)
            {
                problems.Add($"{symbol} is not listed on the venue: remove it from --symbols (or rari.symbols), or check its spelling.");
                continue;
            }

            if (!listed.Status.Is(AsterSymbolStatus.Trading))
            {
                problems.Add($"{symbol} is listed but not trading (status {listed.Status}): remove it from the traded symbols until the venue trades it again.");
                continue;
            }

            var symbolBrackets = brackets.FirstOrDefault(b => b.Symbol == symbol.Value)?.ToDomain() ?? [];
            if (symbolBrackets.Count == 0)
            {
                problems.Add($"{symbol} has no leverage brackets on the venue, so its leverage cannot be checked: remove it from the traded symbols, or try again later.");
                continue;
            }

            if (listed.TryToInstrument(symbolBrackets, out var instrument, out var problem))
            {
                instruments.Add(instrument);
            }
            else
            {
                problems.Add($"{symbol}: its trading rules cannot be read ({problem}); remove it from the traded symbols and report the venue's answer.");
            }
        }

        ThrowIfAny(problems);
        return instruments;
    }

    /// <summary>The strategies and the risk gate net one position per symbol: hedge (dual-side) mode must be off.</summary>
    private static async Task EnsureOneWayModeAsync(AsterRestClient rest, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if (!await rest.GetHedgeModeAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await rest.SetHedgeModeAsync(false, cancellationToken).ConfigureAwait(false);
            CatalogLog.OneWayMode(logger);
        }
        catch (AsterApiException e)
        {
            throw new SymbolCatalogException(
                $"the account is in hedge (dual-side) position mode and could not be switched to one-way mode ({Venue(e)}). Close every position and cancel every open order, or switch to one-way mode in Aster's preferences, then start again.",
                e);
        }
    }

    private static async Task<SymbolSetup?> SetUpAsync(
        AsterRestClient rest, Instrument instrument, int wanted, ILogger logger, List<string> problems, CancellationToken cancellationToken)
    {
        var symbol = instrument.Symbol;
        var maximum = 0;
        foreach (var bracket in instrument.LeverageBrackets)
        {
            maximum = Math.Max(maximum, bracket.InitialLeverage);
        }

        var leverage = Math.Min(wanted, maximum);
        if (leverage < wanted)
        {
            CatalogLog.LeverageClamped(logger, symbol.Value, wanted, maximum);
        }

        AsterCommissionRate fees;
        try
        {
            fees = await rest.GetCommissionRateAsync(symbol, cancellationToken).ConfigureAwait(false);
        }
        catch (AsterApiException e)
        {
            problems.Add($"{symbol}: its commission rates could not be read ({Venue(e)}); check the API key's permissions, then start again.");
            return null;
        }

        try
        {
            var set = await rest.SetLeverageAsync(symbol, leverage, cancellationToken).ConfigureAwait(false);
            return new SymbolSetup(instrument, set.Leverage, fees.MakerCommissionRate, fees.TakerCommissionRate);
        }
        catch (AsterApiException e)
        {
            problems.Add(
                $"{symbol}: the venue refused leverage {leverage.ToString(CultureInfo.InvariantCulture)}x ({Venue(e)}); lower rari.assets.{symbol}.leverage, or reduce the symbol's open position first.");
            return null;
        }
    }

    private static string Venue(AsterApiException e) => e.Code is { } code
        ? $"code {code.ToString(CultureInfo.InvariantCulture)}: {e.VenueMessage}"
        : e.VenueMessage ?? e.Message;

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new SymbolCatalogException(problems);
        }
    }
}

/// <summary>The loader's log messages.</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "{Symbol}: the asset table asks {Wanted}x leverage but the venue allows at most {Maximum}x; using {Maximum}x")]
    public static partial void LeverageClamped(ILogger logger, string symbol, int wanted, int maximum);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "The account was in hedge (dual-side) position mode; switched it to one-way mode")]
    public static partial void OneWayMode(ILogger logger);
}
