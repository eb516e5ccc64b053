using Rari.Aster.Rest;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Sim.Live;

/// <summary>
/// Where a live-market simulator follows its upstream (an Aster-compatible venue: Aster itself, or another simulator in
/// tests) and what it takes from it: which symbols, and how much 1-minute history is loaded at start so clients find
/// bars to warm up on.
/// </summary>
public sealed record LiveMarketOptions
{
    /// <summary>Most 1-minute klines one REST request returns (Aster: 1,500).</summary>
    public const int MaxKlinesPerRequest = 1_500;

    /// <summary>The upstream's REST base URL; Aster mainnet (<c>https://fapi.asterdex.com</c>) by default.</summary>
    public Uri RestBaseUrl { get; init; } = AsterClientOptions.MainnetRestUrl;

    /// <summary>The upstream's WebSocket base URL; Aster mainnet (<c>wss://fstream.asterdex.com</c>) by default.</summary>
    public Uri WebSocketBaseUrl { get; init; } = AsterClientOptions.MainnetWebSocketUrl;

    /// <summary>The symbols to follow; at least one, each listed by the upstream's exchangeInfo.</summary>
    public IReadOnlyList<Symbol> Symbols { get; init; } = [];

    /// <summary>
    /// Closed 1-minute klines loaded per symbol at start (at least 1): the history the simulator's <c>klines</c>
    /// endpoint serves before the first live minute closes. The default covers the trader's 1,800-bar warm-up.
    /// </summary>
    public int HistoryBars { get; init; } = 1_800;

    /// <summary>
    /// How the upstream's market streams reconnect: the first wait (doubled per failed attempt) and the longest one.
    /// </summary>
    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between reconnection attempts to the upstream's streams.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, one sentence each naming the field; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (RestBaseUrl is null || !RestBaseUrl.IsAbsoluteUri || RestBaseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"RestBaseUrl {RestBaseUrl} must be an absolute http:// or https:// URL.");
        }

        if (WebSocketBaseUrl is null || !WebSocketBaseUrl.IsAbsoluteUri || WebSocketBaseUrl.Scheme is not ("ws" or "wss"))
        {
            problems.Add($"WebSocketBaseUrl {WebSocketBaseUrl} must be an absolute ws:// or wss:// URL.");
        }

        if (Symbols is null || Symbols.Count == 0)
        {
            problems.Add("Symbols is empty; name at least one symbol to follow.");
        }

        if (HistoryBars < 1)
        {
            problems.Add($"HistoryBars is {HistoryBars}; load at least 1 bar.");
        }

        if (ReconnectInitialDelay <= TimeSpan.Zero || ReconnectMaxDelay < ReconnectInitialDelay)
        {
            problems.Add($"ReconnectInitialDelay {ReconnectInitialDelay} must be positive and ReconnectMaxDelay {ReconnectMaxDelay} at least as long.");
        }

        return problems;
    }

    /// <summary>The public-only client options for the upstream (no credentials: market data needs none).</summary>
    internal AsterClientOptions ClientOptions() => AsterClientOptions.Mainnet with { RestBaseUrl = RestBaseUrl, WebSocketBaseUrl = WebSocketBaseUrl };
}
