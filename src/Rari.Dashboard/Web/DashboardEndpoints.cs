using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Rari.Actors.Risk;
using Rari.Dashboard.Access;
using Rari.Dashboard.ReadModel;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;

namespace Rari.Dashboard.Web;

/// <summary>A control's request body.</summary>
/// <param name="Symbol">The symbol; null or empty for all trading.</param>
/// <param name="Reason">The operator's words, added to the reason the risk gate journals.</param>
public sealed record ControlRequest(string? Symbol, string? Reason);

/// <summary>
/// The dashboard's HTTP surface: the page and its assets, the snapshot, the live event stream (SSE) and the controls,
/// which go to the risk gate as <see cref="HaltTrading"/>, <see cref="ResumeTrading"/> and <see cref="FlattenPositions"/>
/// and answer with its <see cref="ControlResult"/>.
/// </summary>
internal static partial class DashboardEndpoints
{
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps every endpoint.</summary>
    public static void Map(WebApplication app, DashboardServerWiring wiring)
    {
        var guard = new AccessGuard(wiring.Access);
        var page = DashboardAssets.Read("index.html").Replace("{{csrf}}", wiring.Access.CsrfToken, StringComparison.Ordinal);
        var log = wiring.LoggerFactory.CreateLogger("rari.dashboard");

        app.MapGet("/", (HttpContext context) =>
        {
            if (context.Request.Query["token"].ToString() is { Length: > 0 } token)
            {
                if (!wiring.Access.IsToken(token))
                {
                    return Refused(StatusCodes.Status401Unauthorized, "This access token is not the dashboard's. Open the URL the trader printed at start-up.");
                }

                // The token moves into a cookie and out of the address bar (and out of the browser's history).
                guard.SetCookie(context.Response);
                return Results.Redirect("/");
            }

            return guard.CanRead(context.Request)
                ? Results.Content(page, "text/html; charset=utf-8")
                : Refused(StatusCodes.Status401Unauthorized, "The dashboard needs its access token. Open the URL the trader printed at start-up (it ends with ?token=…).");
        });

        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!guard.CanRead(context.Request))
            {
                return Results.Unauthorized();
            }

            return DashboardAssets.ContentTypes.TryGetValue(name, out var type) ? Results.Content(DashboardAssets.Read(name), type) : Results.NotFound();
        });

        app.MapGet("/api/snapshot", (HttpContext context) =>
            guard.CanRead(context.Request)
                ? Results.Json(new { snapshot = wiring.Feed.Snapshot, activity = wiring.Feed.Activity() }, DashboardFeed.Json)
                : Results.Unauthorized());

        app.MapGet("/api/events", async context =>
        {
            if (!guard.CanRead(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            await StreamAsync(context, wiring.Feed).ConfigureAwait(false);
        });

        app.MapPost("/api/controls/{action}", async (string action, HttpContext context) =>
        {
            if (guard.ControlRefusal(context.Request) is { } refusal)
            {
                LogRefused(log, action, refusal);
                return Results.Json(new ControlResult(false, "refused: " + refusal), DashboardFeed.Json, statusCode: StatusCodes.Status403Forbidden);
            }

            var request = await ReadControlAsync(context).ConfigureAwait(false);
            var result = await ControlAsync(action, request, wiring).ConfigureAwait(false);
            LogControl(log, action, request?.Symbol ?? "all", result.Accepted, result.Message);
            return Results.Json(result, DashboardFeed.Json, statusCode: result.Accepted ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
        });
    }

    private static async Task<ControlResult> ControlAsync(string action, ControlRequest? request, DashboardServerWiring wiring)
    {
        Symbol? symbol = null;
        if (request?.Symbol is { Length: > 0 } text)
        {
            var match = wiring.Symbols.FirstOrDefault(s => string.Equals(s.Value, text, StringComparison.Ordinal));
            if (match == default)
            {
                return new ControlResult(false, $"'{text}' is not traded here; choose one of {string.Join(", ", wiring.Symbols)} or all symbols.");
            }

            symbol = match;
        }

        var reason = "dashboard" + (request?.Reason is { Length: > 0 } words ? ": " + words.Trim() : string.Empty);

        // The gate restamps controls with the latest exchange time it has seen; the wall clock is only its fallback.
        var now = wiring.Time.GetUtcNow().ToUnixTimeMilliseconds();
        RiskInput? control = action switch
        {
            "halt" => new HaltTrading(now, symbol, reason),
            "resume" => new ResumeTrading(now, symbol, reason),
            "flatten" => new FlattenPositions(now, symbol, reason),
            _ => null,
        };
        if (control is null)
        {
            return new ControlResult(false, $"'{action}' is not a control; use halt, resume or flatten.");
        }

        try
        {
            return await wiring.RiskGate.Ask<ControlResult>(control, ControlTimeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return new ControlResult(false, string.Create(CultureInfo.InvariantCulture, $"the risk gate did not answer within {ControlTimeout.TotalSeconds:0} s; the control may still take effect — watch the trading state"));
        }
    }

    private static async Task<ControlRequest?> ReadControlAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 or null && !context.Request.Headers.ContentType.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return await context.Request.ReadFromJsonAsync<ControlRequest>(DashboardFeed.Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task StreamAsync(HttpContext context, DashboardFeed feed)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = feed.Subscribe();
        var aborted = context.RequestAborted;
        try
        {
            await response.WriteAsync("retry: 2000\n\n", aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(KeepAlive);
                try
                {
                    var message = await subscription.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                    await response.WriteAsync($"event: {message.Name}\ndata: {message.Json}\n\n", aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    // Quiet for a while: a comment keeps proxies and the browser from closing the stream.
                    await response.WriteAsync(": keep-alive\n\n", aborted).ConfigureAwait(false);
                }

                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private static IResult Refused(int status, string message) =>
        Results.Content($"<!doctype html><meta charset=utf-8><title>Rari dashboard</title><p>{System.Net.WebUtility.HtmlEncode(message)}</p>", "text/html; charset=utf-8", statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard control {Action} refused: {Refusal}")]
    private static partial void LogRefused(ILogger log, string action, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard control {Action} for {Scope}: accepted {Accepted}, {Message}")]
    private static partial void LogControl(ILogger log, string action, string scope, bool accepted, string message);
}
