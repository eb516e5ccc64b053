using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Clock;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.RateLimits;
using Rari.Aster.Signing;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Rest;

/// <summary>
/// The typed Aster futures REST API: market data, orders, account and positions, and the user-stream key, over
/// one <see cref="AsterHttpTransport"/>. Paths follow the configured API family (V1 or V3).
/// </summary>
/// <remarks>
/// <para>Every call may throw <see cref="AsterApiException"/> (see its category). Placing an order never throws for
/// an unknown outcome: the client resolves it by client order id and reports what it found
/// (<see cref="OrderPlacement"/>).</para>
/// <para>Thread-safe. Create it once per account with <see cref="Create"/> and share the process's
/// <see cref="RateLimitBudget"/> between all clients.</para>
/// </remarks>
public sealed partial class AsterRestClient : IDisposable
{
    private readonly AsterHttpTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IDisposable? _owned;

    /// <summary>Creates a client over an existing transport.</summary>
    /// <param name="transport">The transport.</param>
    /// <param name="logger">Where order resolutions are logged.</param>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> when null.</param>
    public AsterRestClient(AsterHttpTransport transport, ILogger<AsterRestClient>? logger = null, TimeProvider? time = null)
        : this(transport, logger, time, null)
    {
    }

    private AsterRestClient(AsterHttpTransport transport, ILogger? logger, TimeProvider? time, IDisposable? owned)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _owned = owned;
    }

    /// <summary>The transport (options, clock, budget).</summary>
    public AsterHttpTransport Transport => _transport;

    /// <summary>The API family in use.</summary>
    public AsterApiVersion ApiVersion => _transport.ApiVersion;

    /// <summary>
    /// Builds a client with its own HTTP connection pool and clock. Pass the process-wide <paramref name="budget"/>
    /// when several clients run in one process; otherwise one is created for this client.
    /// </summary>
    /// <param name="options">Hosts, credentials and timings.</param>
    /// <param name="loggerFactory">Loggers for the transport, budget and client.</param>
    /// <param name="budget">The shared rate-limit budget, or null to create one.</param>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="handler">The HTTP handler, e.g. for tests; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    public static AsterRestClient Create(
        AsterClientOptions options,
        ILoggerFactory? loggerFactory = null,
        RateLimitBudget? budget = null,
        TimeProvider? time = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        var clock = new ServerClock(time, options.ClockSyncSamples, options.ClockSyncInterval);
        budget ??= new RateLimitBudget(time, clock, loggerFactory.CreateLogger<RateLimitBudget>());
        var http = new HttpClient(
            handler ?? new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            },
            disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var transport = new AsterHttpTransport(http, options, budget, clock, loggerFactory.CreateLogger<AsterHttpTransport>(), time);
        return new AsterRestClient(transport, loggerFactory.CreateLogger<AsterRestClient>(), time, new Owned(http, clock));
    }

    /// <summary>Releases the HTTP client and clock when <see cref="Create"/> made them.</summary>
    public void Dispose() => _owned?.Dispose();

    /// <summary>Checks connectivity (<c>GET ping</c>).</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default) =>
        await CallAsync<JsonElement>(AsterEndpoints.Ping, new ParameterStringBuilder(), null, cancellationToken).ConfigureAwait(false);

    /// <summary>The server time, UTC epoch ms (<c>GET time</c>).</summary>
    public async Task<long> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync<AsterServerTime>(AsterEndpoints.Time, new ParameterStringBuilder(), null, cancellationToken).ConfigureAwait(false)).ServerTime;

    /// <summary>Measures the server-clock offset now; <c>rari check</c> shows it.</summary>
    public Task<ClockSkew> MeasureClockSkewAsync(CancellationToken cancellationToken = default) => _transport.SyncClockAsync(cancellationToken);

    /// <summary>
    /// Symbols, filters and rate limits (<c>GET exchangeInfo</c>). The venue's rate limits are loaded into the shared
    /// budget.
    /// </summary>
    public async Task<AsterExchangeInfo> GetExchangeInfoAsync(CancellationToken cancellationToken = default)
    {
        var info = await CallAsync<AsterExchangeInfo>(AsterEndpoints.ExchangeInfo, new ParameterStringBuilder(), null, cancellationToken)
            .ConfigureAwait(false);
        _transport.Budget.Configure(info.RateLimitRules());
        return info;
    }

    /// <summary>An order-book snapshot (<c>GET depth</c>).</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="limit">Levels per side: 5, 10, 20, 50, 100, 500 or 1000; null for the venue's 500.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task<AsterDepth> GetDepthAsync(Symbol symbol, int? limit = null, CancellationToken cancellationToken = default)
    {
        if (limit is { } l && l is not (5 or 10 or 20 or 50 or 100 or 500 or 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "Depth limit must be 5, 10, 20, 50, 100, 500 or 1000.");
        }

        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        AddOptional(parameters, "limit", limit);
        var weight = (limit ?? 500) switch { <= 50 => 2, <= 100 => 5, <= 500 => 10, _ => 20 };
        return CallAsync<AsterDepth>(AsterEndpoints.Depth, parameters, weight, cancellationToken);
    }

    /// <summary>Recent trades, oldest first (<c>GET trades</c>).</summary>
    public Task<IReadOnlyList<AsterTrade>> GetRecentTradesAsync(Symbol symbol, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterTrade>>(AsterEndpoints.Trades, parameters, null, cancellationToken);
    }

    /// <summary>Aggregate trades, oldest first (<c>GET aggTrades</c>); with both times the window must be under 1 hour.</summary>
    public Task<IReadOnlyList<AsterAggTrade>> GetAggregateTradesAsync(
        Symbol symbol, long? fromId = null, long? startTimeMs = null, long? endTimeMs = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value);
        AddOptional(parameters, "fromId", fromId);
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterAggTrade>>(AsterEndpoints.AggTrades, parameters, null, cancellationToken);
    }

    /// <summary>Klines, oldest first (<c>GET klines</c>); map them with <see cref="MarketDataMapping.ToKline"/>.</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="interval">Bar length.</param>
    /// <param name="startTimeMs">First open time, UTC epoch ms, or null.</param>
    /// <param name="endTimeMs">Last open time, UTC epoch ms, or null.</param>
    /// <param name="limit">At most 1500; null for the venue's 500.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    public Task<IReadOnlyList<AsterKline>> GetKlinesAsync(
        Symbol symbol, KlineInterval interval, long? startTimeMs = null, long? endTimeMs = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1500);
        var parameters = new ParameterStringBuilder().Add("symbol", symbol.Value).Add("interval", interval.ToString());
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "limit", limit);
        var weight = (limit ?? 500) switch { < 100 => 1, < 500 => 2, <= 1000 => 5, _ => 10 };
        return CallAsync<IReadOnlyList<AsterKline>>(AsterEndpoints.Klines, parameters, weight, cancellationToken);
    }

    /// <summary>Mark price and funding of one symbol (<c>GET premiumIndex</c>).</summary>
    public Task<AsterPremiumIndex> GetPremiumIndexAsync(Symbol symbol, CancellationToken cancellationToken = default) =>
        CallAsync<AsterPremiumIndex>(AsterEndpoints.PremiumIndex, new ParameterStringBuilder().Add("symbol", symbol.Value), null, cancellationToken);

    /// <summary>Mark price and funding of every symbol.</summary>
    public Task<IReadOnlyList<AsterPremiumIndex>> GetPremiumIndexesAsync(CancellationToken cancellationToken = default) =>
        CallAsync<IReadOnlyList<AsterPremiumIndex>>(AsterEndpoints.PremiumIndex, new ParameterStringBuilder(), null, cancellationToken);

    /// <summary>Settled funding rates, oldest first (<c>GET fundingRate</c>).</summary>
    public Task<IReadOnlyList<AsterFundingRate>> GetFundingRatesAsync(
        Symbol? symbol = null, long? startTimeMs = null, long? endTimeMs = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit, 1000);
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        AddOptional(parameters, "startTime", startTimeMs);
        AddOptional(parameters, "endTime", endTimeMs);
        AddOptional(parameters, "limit", limit);
        return CallAsync<IReadOnlyList<AsterFundingRate>>(AsterEndpoints.FundingRate, parameters, null, cancellationToken);
    }

    /// <summary>Funding interval, cap and floor per symbol (<c>GET fundingInfo</c>).</summary>
    public Task<IReadOnlyList<AsterFundingInfo>> GetFundingInfoAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallListOrObjectAsync<AsterFundingInfo>(AsterEndpoints.FundingInfo, parameters, null, cancellationToken);
    }

    /// <summary>24-hour statistics of one symbol, or of every symbol (weight 40) when <paramref name="symbol"/> is null.</summary>
    public Task<IReadOnlyList<AsterTicker24Hour>> Get24HourTickersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallListOrObjectAsync<AsterTicker24Hour>(AsterEndpoints.Ticker24Hour, parameters, symbol is null ? 40 : 1, cancellationToken);
    }

    /// <summary>Last price of one symbol, or of every symbol when <paramref name="symbol"/> is null.</summary>
    public Task<IReadOnlyList<AsterPriceTicker>> GetPriceTickersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallListOrObjectAsync<AsterPriceTicker>(AsterEndpoints.TickerPrice, parameters, symbol is null ? 2 : 1, cancellationToken);
    }

    /// <summary>Best bid and ask of one symbol, or of every symbol when <paramref name="symbol"/> is null.</summary>
    public Task<IReadOnlyList<AsterBookTicker>> GetBookTickersAsync(Symbol? symbol = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ParameterStringBuilder();
        AddOptional(parameters, "symbol", symbol?.Value);
        return CallListOrObjectAsync<AsterBookTicker>(AsterEndpoints.BookTicker, parameters, symbol is null ? 2 : 1, cancellationToken);
    }

    private static void CheckLimit(int? limit, int max)
    {
        if (limit is { } l && (l < 1 || l > max))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, string.Create(CultureInfo.InvariantCulture, $"limit must be 1 to {max}."));
        }
    }

    private static void AddOptional(ParameterStringBuilder parameters, string name, long? value)
    {
        if (value is { } v)
        {
            parameters.Add(name, v);
        }
    }

    private static void AddOptional(ParameterStringBuilder parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(name, value);
        }
    }

    private async Task<T> CallAsync<T>(AsterEndpoint endpoint, ParameterStringBuilder parameters, int? weight, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new AsterRequest(endpoint, parameters, weight), cancellationToken).ConfigureAwait(false);
        return Read<T>(endpoint, response);
    }

    // Endpoints that answer an array without a symbol and a single object with one.
    private async Task<IReadOnlyList<T>> CallListOrObjectAsync<T>(
        AsterEndpoint endpoint, ParameterStringBuilder parameters, int? weight, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(new AsterRequest(endpoint, parameters, weight), cancellationToken).ConfigureAwait(false);
        return IsArray(response.Body.Span) ? Read<IReadOnlyList<T>>(endpoint, response) : [Read<T>(endpoint, response)];
    }

    private static bool IsArray(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'[';
    }

    private T Read<T>(AsterEndpoint endpoint, AsterResponse response)
    {
        try
        {
            return AsterJson.Deserialize<T>(response.Body.Span);
        }
        catch (JsonException unreadable)
        {
            throw new AsterApiException(
                AsterErrorCategory.Other, endpoint.Method.Method, endpoint.PathFor(ApiVersion), response.StatusCode, null,
                $"the answer could not be read as {typeof(T).Name}: {unreadable.Message}", response.RequestTimeMs, unreadable);
        }
    }

    /// <summary>The HTTP client and clock that <see cref="Create"/> made, disposed with the client.</summary>
    private sealed class Owned(HttpClient http, ServerClock clock) : IDisposable
    {
        public void Dispose()
        {
            http.Dispose();
            clock.Dispose();
        }
    }
}
