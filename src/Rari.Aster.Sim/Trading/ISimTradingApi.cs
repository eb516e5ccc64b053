using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Http;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// The seam between the protocol layer and the trading engine: every order, position and account endpoint of
/// <see cref="TradingEndpoint"/> arrives here after the simulator has authenticated it, charged its rate limits and
/// logged it. The Venue wiring implements it.
/// </summary>
/// <remarks>
/// Return the JSON reply (use <see cref="SimReply.Json"/> with the number formats of <c>AsterNumber</c>) or an error
/// (<see cref="SimReply.Error"/>, or throw <see cref="AsterErrorException"/>; parameter getters on
/// <see cref="RequestParameters"/> already throw Aster's −1102/−1130). Calls may arrive concurrently.
/// </remarks>
public interface ISimTradingApi
{
    /// <summary>Answers one authenticated trading request.</summary>
    ValueTask<SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken);
}

/// <summary>One authenticated request for the trading engine.</summary>
/// <param name="Endpoint">Which endpoint was called.</param>
/// <param name="Account">The account the credentials belong to.</param>
/// <param name="Scheme">Whether it came signed as V1 or V3 (the reply shapes are the same).</param>
/// <param name="Parameters">The request's parameters, query values taking precedence.</param>
/// <param name="WallTimeMs">Server wall-clock time when the request arrived, UTC epoch ms (authentication time).</param>
/// <param name="MarketTimeMs">The replay's market time when the request arrived, UTC epoch ms (use it for order times).</param>
public sealed record TradingCall(
    TradingEndpoint Endpoint,
    SimAccount Account,
    AuthScheme Scheme,
    RequestParameters Parameters,
    long WallTimeMs,
    long MarketTimeMs);

/// <summary>
/// The trading engine used when no Venue is wired in: it refuses every trading call with −1020, so authentication,
/// rate limits and market data still work for clients that only read.
/// </summary>
public sealed class UnwiredTradingApi : ISimTradingApi
{
    /// <summary>The shared instance.</summary>
    public static UnwiredTradingApi Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<SimReply> HandleAsync(TradingCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SimReply.Error(AsterErrors.Unsupported(
            $"Trading endpoint {call.Endpoint} is not available: this simulator runs without a trading engine.")));
}
