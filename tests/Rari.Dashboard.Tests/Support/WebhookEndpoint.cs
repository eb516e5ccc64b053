using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rari.Dashboard.Tests.Support;

/// <summary>
/// A real HTTP endpoint on loopback that records every POST body and answers with the status codes it is told to,
/// in order (then 200); a negative code means "never answer".
/// </summary>
public sealed class WebhookEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;
    private readonly CancellationTokenSource _stopping = new();

    private WebhookEndpoint(WebApplication app, ConcurrentQueue<int> answers)
    {
        _app = app;
        _answers = answers;
    }

    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    public int Attempts => _attempts;

    public Uri Url(string path) => new(Address, path);

    private Uri Address { get; set; } = null!;

    private int _attempts;

    public static async Task<WebhookEndpoint> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new WebhookEndpoint(app, new ConcurrentQueue<int>(answers));
        app.MapPost("/{**path}", (Func<HttpContext, Task<IResult>>)endpoint.OnPostAsync);
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.Address = new Uri(bound + "/");
        return endpoint;
    }

    public async Task WaitForAsync(Func<WebhookEndpoint, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the webhook endpoint did not see what was expected within {timeout}; it saw {Received.Count} bodies in {Attempts} attempts");
            }

            await Task.Delay(50);
        }
    }

    private async Task<IResult> OnPostAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = _answers.TryDequeue(out var next) ? next : 200;
        if (status < 0)
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(503);
        }

        if (status == 200)
        {
            Received.Enqueue((context.Request.Path.Value ?? string.Empty, body));
        }

        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
