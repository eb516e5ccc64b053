using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rari.Aster.Tests.Support;

/// <summary>One request as the loopback server received it: raw query (without '?') and raw body, byte for byte.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The signed text: the body when it holds the signature, else the query.</summary>
    public string SignedText => Body.Contains("signature=", StringComparison.Ordinal) ? Body : Query;

    /// <summary>The value of a parameter in the query or body, or null.</summary>
    public string? Parameter(string name)
    {
        foreach (var pair in (Query + "&" + Body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            if (at > 0 && pair[..at] == name)
            {
                return Uri.UnescapeDataString(pair[(at + 1)..]);
            }
        }

        return null;
    }
}

/// <summary>A scripted answer.</summary>
internal sealed record ScriptedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static ScriptedResponse Json(string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null) => new(status, body, headers);

    public static ScriptedResponse Error(int status, int code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, $$"""{"code":{{code}},"msg":"{{message}}"}""", headers);
}

/// <summary>
/// A small Kestrel server on 127.0.0.1 (any free port) that answers each request with a scripted response and
/// records what it received, raw, so tests can compare it byte for byte.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests other than the clock's <c>/time</c> calls.</summary>
    public IReadOnlyList<RecordedRequest> BusinessRequests => [.. _requests.Where(r => !r.Path.EndsWith("/time", StringComparison.Ordinal))];

    public static async Task<LoopbackServer> StartAsync(Func<RecordedRequest, ScriptedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : string.Empty;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, query, body, headers);
            server!._requests.Enqueue(request);
            var response = respond(request);
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await context.Response.WriteAsync(response.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
