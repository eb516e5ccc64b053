using System.Net;
using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rari.Actors.Ops;
using Rari.Domain.Identifiers;

namespace Rari.Node.Ops;

/// <summary>
/// The node's ops endpoint: a small HTTP JSON API (Kestrel) over <see cref="OpsService"/>, bound to loopback by default
/// and answering only requests that carry the node's bearer token (<see cref="OpsToken"/>). <c>rari ops</c> is its
/// client; scripts may call it too (<see cref="OpsRoutes"/>).
/// </summary>
public sealed partial class OpsEndpoint : IAsyncDisposable
{
    /// <summary>How the answers are written: camelCase JSON, as the client reads them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;

    private OpsEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the endpoint listens, e.g. <c>http://127.0.0.1:9110</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the endpoint.</summary>
    /// <param name="service">What answers.</param>
    /// <param name="options">Where to listen.</param>
    /// <param name="token">The bearer token every request must carry.</param>
    /// <param name="logDirectory">The folder of this node's <c>rari-*.log</c>, for <c>log tail</c>.</param>
    /// <param name="loggerFactory">Where the endpoint logs refused requests.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<OpsEndpoint> StartAsync(
        OpsService service, OpsEndpointOptions options, string token, string logDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "rari-ops" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (options.Host == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        var app = builder.Build();
        var log = loggerFactory.CreateLogger("rari.ops");
        app.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (!OpsToken.Matches(token, presented))
            {
                LogRefused(log, context.Request.Path, context.Connection.RemoteIpAddress);
                await Problem(context, StatusCodes.Status401Unauthorized, "no valid token: pass --token, set RARI_OPS_TOKEN, or run rari ops where the node's state folder is").ConfigureAwait(false);
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (AskTimeoutException e)
            {
                await Problem(context, StatusCodes.Status503ServiceUnavailable, "the actor did not answer in time (starting, or moving to another node): " + e.Message).ConfigureAwait(false);
            }
        });
        Map(app, service, logDirectory);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpsEndpoint(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, OpsService ops, string logDirectory)
    {
        app.MapGet(OpsRoutes.Cluster, () => Results.Json(ops.ClusterShow(), Json));
        app.MapPost(OpsRoutes.Leave, (string address) => Outcome(ops.Leave(address)));
        app.MapPost(OpsRoutes.Down, (string address) => Outcome(ops.Down(address)));
        app.MapPost(OpsRoutes.DownUnreachable, () => Outcome(ops.DownUnreachable()));
        app.MapGet(OpsRoutes.Shards, async (CancellationToken ct) => Results.Json(await ops.ShardsAsync(ct).ConfigureAwait(false), Json));
        app.MapGet(OpsRoutes.Actors, async (string? path, int? depth, CancellationToken ct) =>
            Results.Json(await ops.ActorTreeAsync(path, depth ?? 4, ct).ConfigureAwait(false), Json));
        app.MapGet(OpsRoutes.Trader, async (CancellationToken ct) => Results.Json(await ops.TraderStatusAsync(ct).ConfigureAwait(false), Json));
        app.MapPost(OpsRoutes.Halt, (string? symbol, string? reason, CancellationToken ct) =>
            Control(symbol, reason, "halt", (s, r) => ops.HaltAsync(s, r, ct)));
        app.MapPost(OpsRoutes.Resume, (string? symbol, string? reason, CancellationToken ct) =>
            Control(symbol, reason, "resume", (s, r) => ops.ResumeAsync(s, r, ct)));
        app.MapPost(OpsRoutes.Flatten, (string? symbol, string? reason, CancellationToken ct) =>
            Control(symbol, reason, "flatten", (s, r) => ops.FlattenAsync(s, r, ct)));
        app.MapGet(OpsRoutes.Risk, async (CancellationToken ct) => Results.Json(await ops.RiskShowAsync(ct).ConfigureAwait(false), Json));
        app.MapGet(OpsRoutes.Orders, async (CancellationToken ct) => Results.Json(await ops.OpenOrdersAsync(ct).ConfigureAwait(false), Json));
        app.MapGet(OpsRoutes.Log, async (int? lines, CancellationToken ct) =>
            Results.Json(await LogFiles.TailAsync(logDirectory, Math.Clamp(lines ?? 50, 1, 5000), ct).ConfigureAwait(false), Json));
    }

    private static IResult Outcome(OpsOutcome outcome) =>
        Results.Json(outcome, Json, statusCode: outcome.Accepted ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);

    private static async Task<IResult> Control(string? symbolText, string? reason, string verb, Func<Symbol?, string, Task<OpsOutcome>> control)
    {
        Symbol? symbol = null;
        if (!string.IsNullOrWhiteSpace(symbolText))
        {
            var text = symbolText.Trim().ToUpperInvariant();
            if (!text.All(char.IsAsciiLetterOrDigit))
            {
                return Results.Json(new OpsOutcome(false, $"'{symbolText}' is not a symbol such as BTCUSDT."), Json, statusCode: StatusCodes.Status400BadRequest);
            }

            symbol = new Symbol(text);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? $"ops console: {verb}" : $"ops console: {reason.Trim()}";
        return Outcome(await control(symbol, why).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Ops request {Path} from {Remote} refused: no valid token")]
    private static partial void LogRefused(ILogger logger, PathString path, IPAddress? remote);

    private static Task Problem(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new OpsOutcome(false, message), Json);
    }
}
