using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Accounts;
using Rari.Aster.Sim.Admin;
using Rari.Aster.Sim.Auth;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.RateLimits;

namespace Rari.Aster.Sim.Hosting;

/// <summary>
/// Answers every REST request under <c>/fapi/</c> and <c>/api/</c>, in this order: read the raw query and body; apply
/// injected latency and pre-processing faults; route (404/405); parse parameters; charge request weight per IP (429,
/// 418); authenticate; charge the ORDERS limit per account; run the handler; apply the "unknown execution status"
/// fault; write the JSON with the rate-limit headers; log the request.
/// </summary>
internal sealed class RestPipeline(
    RouteTable routes,
    Authenticator authenticator,
    RateLimiter limiter,
    FaultInjector faults,
    RequestLog log,
    TimeProvider time,
    Func<long> marketTime)
{
    /// <summary>Bodies larger than this are refused; the largest legitimate body (5 batch orders) is a few kilobytes.</summary>
    private const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        var arrivedMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = log.NextId();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var query = RawQuery(context);
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, SimReply.Error(AsterErrors.BodyTooLarge()), 0).ConfigureAwait(false);
            Record(id, arrivedMs, request.Method, path, query, string.Empty, null, 413, AsterErrors.BodyTooLarge().Code, null);
            return;
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        SimAccount? account = null;
        Route? route = null;
        string? faultName = null;
        SimReply reply;
        long retryAfter = 0;
        try
        {
            var plan = faults.PlanRequest(path);
            if (plan.DelayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), time, context.RequestAborted).ConfigureAwait(false);
            }

            faultName = plan.Kind == RestFaultKind.None ? null : plan.Kind.ToString();
            switch (plan.Kind)
            {
                case RestFaultKind.Hang:
                    await HangAsync(context, faults.Settings.HangMs).ConfigureAwait(false);
                    Record(id, arrivedMs, request.Method, path, query, body, null, 0, null, "Hang");
                    return;
                case RestFaultKind.ServerError:
                    reply = SimReply.Error(AsterErrors.InjectedServerError());
                    break;
                case RestFaultKind.Unavailable:
                    reply = SimReply.Error(AsterErrors.InjectedUnavailable());
                    break;
                case RestFaultKind.TooManyRequests:
                    reply = SimReply.Error(AsterErrors.InjectedTooManyRequests());
                    retryAfter = faults.Settings.StormRetryAfterSeconds;
                    break;
                default:
                    (reply, route, account, retryAfter) = await ProcessAsync(context, path, query, body, ip, arrivedMs).ConfigureAwait(false);
                    if (plan.Kind == RestFaultKind.UnknownStatus)
                    {
                        reply = SimReply.Error(AsterErrors.UnknownExecutionStatus());
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Record(id, arrivedMs, request.Method, path, query, body, account?.Name, 0, null, faultName);
            return;
        }

        if (route is { IsOrderEndpoint: true } && account is not null)
        {
            context.Response.Headers["X-MBX-ORDER-COUNT-1M"] = limiter.OrderCount(account.Name).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = limiter.UsedWeight(ip).ToString(CultureInfo.InvariantCulture);
        await WriteAsync(context, reply, retryAfter).ConfigureAwait(false);
        Record(id, arrivedMs, request.Method, path, query, body, account?.Name, reply.Status, reply.ErrorCode, faultName);
    }

    private async Task<(SimReply Reply, Route? Route, SimAccount? Account, long RetryAfter)> ProcessAsync(
        HttpContext context, string path, string query, string body, string ip, long arrivedMs)
    {
        var method = context.Request.Method.ToUpperInvariant();
        var route = routes.Find(method, path, out var pathExists);
        if (route is null)
        {
            return (SimReply.Error(pathExists ? AsterErrors.MethodNotAllowed(method, path) : AsterErrors.UnknownPath(path)), null, null, 0);
        }

        SimAccount? account = null;
        try
        {
            var parameters = RequestParameters.Parse(query, body);
            var weight = limiter.ChargeWeight(ip, route.Weight(parameters));
            if (weight.Refusal is { } refusal)
            {
                return (SimReply.Error(refusal), route, null, weight.RetryAfterSeconds);
            }

            (account, var scheme) = authenticator.Authenticate(route, parameters, context.Request.Headers[HmacSigner.ApiKeyHeader].FirstOrDefault());
            if (route.IsOrderEndpoint && account is not null)
            {
                var orders = limiter.ChargeOrders(account.Name, Math.Max(1, route.OrderCount(parameters)));
                if (orders.Refusal is { } orderRefusal)
                {
                    return (SimReply.Error(orderRefusal), route, account, orders.RetryAfterSeconds);
                }
            }

            var call = new SimCall(route, parameters, account, scheme, arrivedMs, marketTime());
            var reply = await route.Handler(call, context.RequestAborted).ConfigureAwait(false);
            return (reply, route, account, 0);
        }
        catch (AsterErrorException e)
        {
            return (SimReply.Error(e.Error), route, account, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault in a handler (or the trading engine) still answers in Aster's shape and is logged.
            return (SimReply.Error(AsterErrors.Unknown($"Internal error: {e.GetType().Name}: {e.Message}")), route, account, 0);
        }
    }

    private static async Task WriteAsync(HttpContext context, SimReply reply, long retryAfter)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = "application/json";
        if (retryAfter > 0)
        {
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        response.ContentLength = reply.Body.Length;
        try
        {
            await response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away; nothing to answer.
        }
    }

    private void Record(long id, long arrivedMs, string method, string path, string query, string body, string? account, int status, int? errorCode, string? fault)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        log.Add(new RequestLogEntry(id, arrivedMs, method, path, query, body, account, status, errorCode, fault, Math.Max(0, now - arrivedMs)));
    }

    private static async Task HangAsync(HttpContext context, int hangMs)
    {
        try
        {
            await Task.Delay(hangMs, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // No answer at all: the client sees its own timeout or a reset, never a status.
        context.Abort();
    }

    /// <summary>The query string exactly as sent (Kestrel's raw request target), without the <c>?</c>.</summary>
    private static string RawQuery(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.QueryString.Value ?? string.Empty;
        var mark = target.IndexOf('?', StringComparison.Ordinal);
        return mark < 0 ? string.Empty : target[(mark + 1)..];
    }

    /// <summary>The body as text, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Every method may carry a form body: ccxt sends DELETE and PUT parameters in the body.
        if (request.ContentLength is 0)
        {
            return string.Empty;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
