using System.CommandLine;
using System.Net;
using Rari.Actors.Ops;
using Rari.Node.Ops;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari ops</c>: the operator's console of a running cluster, through any node's ops endpoint. Commands come in
/// palettes — <c>cluster show|leave|down|down-unreachable</c>, <c>shards show</c>, <c>actor tree</c>,
/// <c>trader status|halt|resume|flatten</c>, <c>risk show</c>, <c>orders open</c>, <c>log tail</c> — each printing a
/// table, or with <c>--json</c> the endpoint's JSON for scripts.
/// </summary>
/// <remarks>Exit codes: 0 done; 1 the node refused the command or could not answer; 2 bad arguments, no token, or no node at the address.</remarks>
public static class OpsCommand
{
    /// <summary>Exit code of a command the node refused or could not answer.</summary>
    public const int RefusedExitCode = 1;

    /// <summary>Exit code of bad arguments, a missing token or an unreachable node.</summary>
    public const int UsageExitCode = 2;

    private static readonly Option<string> Host = new("--host") { Description = $"the node's ops endpoint address (default {OpsEndpointOptions.DefaultHost})", HelpName = "HOST", Recursive = true };
    private static readonly Option<int?> Port = new("--port") { Description = $"the node's ops endpoint port (default {OpsEndpointOptions.DefaultPort})", HelpName = "PORT", Recursive = true };
    private static readonly Option<string> Token = new("--token") { Description = $"the bearer token (default {OpsToken.Variable}, else the local node's state/{OpsToken.FileName})", HelpName = "TOKEN", Recursive = true };
    private static readonly Option<string> State = new("--state") { Description = "the local node's state folder, where its token is (default state)", HelpName = "DIR", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "print the endpoint's JSON instead of a table", Recursive = true };

    /// <summary>Builds the command tree.</summary>
    public static Command Create()
    {
        var ops = new Command("ops", "Operate a running cluster through a node's ops endpoint: rari ops cluster show")
        {
            Host, Port, Token, State, Json,
        };

        var address = new Argument<string>("address") { Description = "a member's address, as cluster show prints it", HelpName = "ADDR" };
        var cluster = new Command("cluster", "membership: show, leave, down, down-unreachable")
        {
            Verb("show", "the members, their status and roles, and where the singletons run", [], _ => Get(OpsRoutes.Cluster, Render<ClusterView>(OpsTables.Cluster))),
            Verb("leave", "a member leaves gracefully: its symbols and singletons hand over first", [address], p => Post(OpsRoutes.Leave, ("address", p.GetValue(address)))),
            Verb("down", "mark a member down (only for a node known to be dead)", [address], p => Post(OpsRoutes.Down, ("address", p.GetValue(address)))),
            Verb("down-unreachable", "mark every unreachable member down", [], _ => Post(OpsRoutes.DownUnreachable)),
        };
        var shards = new Command("shards", "where the symbols run") { Verb("show", "each trader node's shards and symbols", [], _ => Get(OpsRoutes.Shards, Render<ShardsView>(OpsTables.Shards))) };

        var path = new Argument<string?>("path") { Description = "where to start: /user (default), /system/sharding, or a full akka.tcp://rari@host:port/... path", HelpName = "PATH", Arity = ArgumentArity.ZeroOrOne };
        var depth = new Option<int?>("--depth") { Description = "how many levels (default 4)", HelpName = "N" };
        var actor = new Command("actor", "the actor tree")
        {
            Verb("tree", "the actors under PATH", [path, depth], p => Get(OpsRoutes.Actors, Render<ActorNode>(OpsTables.Tree), ("path", p.GetValue(path)), ("depth", p.GetValue(depth)?.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        };

        var symbol = new Argument<string?>("symbol") { Description = "one symbol; all when left out", HelpName = "SYMBOL", Arity = ArgumentArity.ZeroOrOne };
        var reason = new Option<string>("--reason") { Description = "why, for the risk gate's journal and the log", HelpName = "TEXT" };
        var trader = new Command("trader", "the trader: status, halt, resume, flatten")
        {
            Verb("status", "every symbol's state, the gateway and the global trading state", [], _ => Get(OpsRoutes.Trader, Render<TraderView>(OpsTables.Trader))),
            Verb("halt", "no new exposure (one symbol or all); entry orders are cancelled", [symbol, reason], p => Post(OpsRoutes.Halt, ("symbol", p.GetValue(symbol)), ("reason", p.GetValue(reason)))),
            Verb("resume", "lift the operator's halt (one symbol or all)", [symbol, reason], p => Post(OpsRoutes.Resume, ("symbol", p.GetValue(symbol)), ("reason", p.GetValue(reason)))),
            Verb("flatten", "close the positions at market and halt (one symbol or all)", [symbol, reason], p => Post(OpsRoutes.Flatten, ("symbol", p.GetValue(symbol)), ("reason", p.GetValue(reason)))),
        };
        var risk = new Command("risk", "the risk gate") { Verb("show", "halts, breakers, day baseline, peak and counters", [], _ => Get(OpsRoutes.Risk, Render<RiskView>(OpsTables.Risk))) };
        var orders = new Command("orders", "orders") { Verb("open", "the orders open at the venue, as the gateway holds them", [], _ => Get(OpsRoutes.Orders, Render<OrdersView>(OpsTables.Orders))) };
        var lines = new Option<int?>("--lines") { Description = "how many lines (default 50)", HelpName = "N" };
        var log = new Command("log", "the answering node's log")
        {
            Verb("tail", "the last lines of its rari-*.log", [lines], p => Get(OpsRoutes.Log, Render<LogTail>(OpsTables.Log), ("lines", p.GetValue(lines)?.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        };

        foreach (var palette in new[] { cluster, shards, actor, trader, risk, orders, log })
        {
            ops.Subcommands.Add(palette);
        }

        return ops;
    }

    private static Command Verb(string name, string description, IReadOnlyList<Symbol> arguments, Func<ParseResult, OpsCall> call)
    {
        var command = new Command(name, description);
        foreach (var symbol in arguments)
        {
            switch (symbol)
            {
                case Argument argument: command.Arguments.Add(argument); break;
                case Option option: command.Options.Add(option); break;
            }
        }

        command.SetAction((parse, cancellationToken) => InvokeAsync(parse, call(parse), cancellationToken));
        return command;
    }

    private static async Task<int> InvokeAsync(ParseResult parse, OpsCall call, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var token = OpsToken.ForClient(parse.GetValue(Token), Environment.GetEnvironmentVariable, parse.GetValue(State) ?? "state");
        if (token is null)
        {
            await error.WriteLineAsync($"rari ops: no token: pass --token, set {OpsToken.Variable}, or run where the node's state folder is (--state DIR).").ConfigureAwait(false);
            return UsageExitCode;
        }

        var host = parse.GetValue(Host) ?? OpsEndpointOptions.DefaultHost;
        var port = parse.GetValue(Port) ?? OpsEndpointOptions.DefaultPort;
        var baseAddress = new UriBuilder("http", host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host, port).Uri;
        using var client = new OpsClient(baseAddress, token);
        HttpStatusCode status;
        string json;
        try
        {
            (status, json) = await client.CallAsync(call.Method, call.Route, call.Query, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"rari ops: no node answers at {baseAddress} ({e.Message}); is 'rari node' running there? (--host, --port)").ConfigureAwait(false);
            return UsageExitCode;
        }

        var ok = (int)status is >= 200 and < 300;
        if (parse.GetValue(Json))
        {
            await output.WriteLineAsync(json).ConfigureAwait(false);
        }
        else if (!ok || call.Render is null)
        {
            await (ok ? output : error).WriteAsync(OpsTables.Outcome(OpsClient.Read<OpsOutcome>(json) ?? new OpsOutcome(false, json))).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(call.Render(json)).ConfigureAwait(false);
        }

        return ok ? 0 : status == HttpStatusCode.Unauthorized ? UsageExitCode : RefusedExitCode;
    }

    private static Func<string, string> Render<T>(Func<T, string> table) => json => table(OpsClient.Read<T>(json)!);

    private static OpsCall Get(string route, Func<string, string> render, params (string Key, string? Value)[] query) =>
        new(HttpMethod.Get, route, query.ToDictionary(q => q.Key, q => q.Value), render);

    private static OpsCall Post(string route, params (string Key, string? Value)[] query) =>
        new(HttpMethod.Post, route, query.ToDictionary(q => q.Key, q => q.Value), null);

    /// <summary>One call to the endpoint and how its answer is printed (null: as an outcome).</summary>
    private sealed record OpsCall(HttpMethod Method, string Route, IReadOnlyDictionary<string, string?> Query, Func<string, string>? Render);
}
