using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Http;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Streams;
using Rari.Aster.Sim.Trading;

namespace Rari.Aster.Sim.Admin;

/// <summary>
/// The simulator's own control endpoints under <c>/_sim/</c>: no Aster authentication, loopback callers only.
/// <list type="bullet">
/// <item><c>GET /_sim/requests[?path=…]</c> every logged REST request; <c>DELETE /_sim/requests</c> forgets them.</item>
/// <item><c>GET /_sim/faults</c>; <c>POST /_sim/faults</c> with a JSON object of the fields to change (the rest
/// stay), which also restarts the fault sequence from its seed.</item>
/// <item><c>POST /_sim/streams/drop</c> drops every WebSocket now; <c>/_sim/streams/stall</c> stalls them all;
/// <c>/_sim/streams/resume</c> un-stalls them.</item>
/// <item><c>GET /_sim/clock</c>; <c>POST /_sim/clock?mode=manual|paced|fast&amp;speed=N</c>;
/// <c>POST /_sim/clock/step?bars=N</c> replays N minutes; <c>POST /_sim/clock/advance?to=TIME</c> replays up to a
/// market time (UTC epoch ms). A live market's clock is the upstream's: the POSTs answer 409.</item>
/// <item><c>GET /_sim/orders[?account=…&amp;symbol=…]</c> every order the trading engine ever created, with its status
/// history (<see cref="ISimOrderAudit"/>); an unknown path (404) when no engine keeping such a record is wired in.</item>
/// </list>
/// </summary>
internal sealed class AdminEndpoints(
    RequestLog log, FaultInjector faults, StreamHub hub, MarketReplay replay, ReplayClock clock, TimeProvider time, ISimOrderAudit? orders,
    bool liveMarket = false)
{
    public async Task HandleAsync(HttpContext context)
    {
        SimReply reply;
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            reply = SimReply.Error(new AsterError(-1002, "The /_sim/ endpoints answer loopback callers only.", 403));
        }
        else
        {
            try
            {
                reply = await RouteAsync(context).ConfigureAwait(false);
            }
            catch (AsterErrorException e)
            {
                reply = SimReply.Error(e.Error);
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<SimReply> RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method.ToUpperInvariant();
        var query = context.Request.Query;
        return (method, path) switch
        {
            ("GET", "/_sim/requests") => Requests(query["path"].FirstOrDefault()),
            ("DELETE", "/_sim/requests") => Cleared(),
            ("GET", "/_sim/faults") => Faults(),
            ("POST", "/_sim/faults") => SetFaults(await ReadBodyAsync(context).ConfigureAwait(false)),
            ("POST", "/_sim/streams/drop") => Count("dropped", hub.DropAll()),
            ("POST", "/_sim/streams/stall") => Count("stalled", hub.SetStalled(true)),
            ("POST", "/_sim/streams/resume") => Count("resumed", hub.SetStalled(false)),
            ("GET", "/_sim/clock") => Clock(),
            ("POST", "/_sim/clock" or "/_sim/clock/step" or "/_sim/clock/advance") when liveMarket => SimReply.Error(new AsterError(
                -1000, "This simulator follows its upstream's live market: its clock is the upstream's event time and cannot be set, stepped or advanced.", 409)),
            ("POST", "/_sim/clock") => SetClock(query["mode"].FirstOrDefault(), query["speed"].FirstOrDefault()),
            ("POST", "/_sim/clock/step") => Step(query["bars"].FirstOrDefault()),
            ("POST", "/_sim/clock/advance") => Advance(query["to"].FirstOrDefault()),
            ("GET", "/_sim/orders") => orders?.OrdersReport(query["account"].FirstOrDefault(), query["symbol"].FirstOrDefault())
                ?? SimReply.Error(AsterErrors.UnknownPath(path)),
            _ => SimReply.Error(AsterErrors.UnknownPath(path)),
        };
    }

    private SimReply Requests(string? pathContains)
    {
        var entries = log.Snapshot(pathContains);
        return new SimReply(200, JsonSerializer.SerializeToUtf8Bytes(entries, AdminJson.Default.IReadOnlyListRequestLogEntry));
    }

    private SimReply Cleared()
    {
        log.Clear();
        return SimReply.EmptyObject;
    }

    private SimReply Faults() => new(200, JsonSerializer.SerializeToUtf8Bytes(faults.Settings, AdminJson.Default.FaultSettings));

    private SimReply SetFaults(string body)
    {
        FaultSettings settings;
        try
        {
            var current = JsonSerializer.SerializeToNode(faults.Settings, AdminJson.Default.FaultSettings)!.AsObject();
            if (JsonNode.Parse(body is { Length: > 0 } ? body : "{}") is not JsonObject changes)
            {
                throw new AsterErrorException(AsterErrors.InvalidParameter("body", "expected a JSON object of fault settings."));
            }

            foreach (var (name, value) in changes)
            {
                if (!current.ContainsKey(name))
                {
                    throw new AsterErrorException(AsterErrors.InvalidParameter(name, "no such fault setting."));
                }

                current[name] = value?.DeepClone();
            }

            settings = current.Deserialize(AdminJson.Default.FaultSettings)!;
        }
        catch (JsonException e)
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("body", e.Message));
        }

        try
        {
            faults.Apply(settings);
        }
        catch (ArgumentException e)
        {
            throw new AsterErrorException(AsterErrors.InvalidParameter("faults", e.Message.Split(" (Parameter", StringSplitOptions.None)[0]));
        }

        return Faults();
    }

    private SimReply Clock() => SimReply.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("mode", ModeName(clock.Mode));
        w.WriteNumber("speed", clock.Speed);
        w.WriteNumber("marketTime", replay.MarketTimeMs);
        w.WriteNumber("wallTime", time.GetUtcNow().ToUnixTimeMilliseconds());
        w.WriteNumber("dataStart", replay.DataStartMs);
        w.WriteNumber("dataEnd", replay.DataEndMs);
        w.WriteNumber("minutes", replay.MinuteCount);
        w.WriteNumber("replayedMinutes", replay.ReplayedMinutes);
        w.WriteBoolean("finished", replay.IsFinished);
        w.WriteEndObject();
    });

    private SimReply SetClock(string? mode, string? speed)
    {
        var newMode = mode switch
        {
            null => clock.Mode,
            "manual" => ReplayMode.Manual,
            "paced" => ReplayMode.Paced,
            "fast" => ReplayMode.AsFastAsPossible,
            _ => throw new AsterErrorException(AsterErrors.InvalidParameter("mode", "use manual, paced or fast.")),
        };
        var newSpeed = speed is null ? clock.Speed
            : double.TryParse(speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) && parsed > 0 ? parsed
            : throw new AsterErrorException(AsterErrors.InvalidParameter("speed", "use a positive number."));
        clock.Set(newMode, newSpeed);
        return Clock();
    }

    private SimReply Step(string? bars)
    {
        var count = bars is null ? 1
            : int.TryParse(bars, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new AsterErrorException(AsterErrors.InvalidParameter("bars", "use a non-negative whole number."));
        replay.Step(count);
        clock.Reanchor();
        return Clock();
    }

    private SimReply Advance(string? to)
    {
        var target = long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new AsterErrorException(AsterErrors.MandatoryParameter("to"));
        replay.AdvanceTo(target);
        clock.Reanchor();
        return Clock();
    }

    private static SimReply Count(string name, int count) => SimReply.Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber(name, count);
        w.WriteEndObject();
    });

    private static string ModeName(ReplayMode mode) => mode switch
    {
        ReplayMode.Manual => "manual",
        ReplayMode.Paced => "paced",
        _ => "fast",
    };

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
