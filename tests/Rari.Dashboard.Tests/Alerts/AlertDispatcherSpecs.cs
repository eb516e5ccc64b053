using System.Text.Json;
using Microsoft.Extensions.Logging;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.Settings;
using Rari.Dashboard.Tests.Support;

namespace Rari.Dashboard.Tests.Alerts;

public sealed class AlertDispatcherSpecs
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static readonly AlertSettings Fast = AlertSettings.Default with
    {
        RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    private static readonly Alert Halt = new(AlertKind.Halt, "Trading halted: all symbols", "Manual: dashboard: going to lunch", null, 1_746_000_000_000);

    [Fact]
    public async Task Should_post_each_format_as_its_service_expects()
    {
        // arrange
        await using var endpoint = await WebhookEndpoint.StartAsync();
        using var http = new HttpClient();
        WebhookTarget[] targets =
        [
            new(new WebhookSettings("plain", WebhookFormat.Generic, "X", null), endpoint.Url("generic")),
            new(new WebhookSettings("phone", WebhookFormat.Telegram, "Y", "-1001234"), endpoint.Url("./bot123:abc/sendMessage")),
            new(new WebhookSettings("chat", WebhookFormat.Discord, "Z", null), endpoint.Url("api/webhooks/1/key")),
        ];
        await using var dispatcher = new AlertDispatcher(Fast, targets, http, TimeProvider.System, Log.Null);

        // act
        dispatcher.Post(Halt);
        await endpoint.WaitForAsync(e => e.Received.Count == 3, Generous);

        // assert
        var bodies = endpoint.Received.ToDictionary(r => r.Path, r => JsonDocument.Parse(r.Body).RootElement);
        var generic = bodies["/generic"];
        Assert.Equal("Halt", generic.GetProperty("kind").GetString());
        Assert.Equal("Trading halted: all symbols", generic.GetProperty("title").GetString());
        Assert.Equal(1_746_000_000_000, generic.GetProperty("timestampMs").GetInt64());
        var telegram = bodies["/bot123:abc/sendMessage"];
        Assert.Equal("-1001234", telegram.GetProperty("chat_id").GetString());
        Assert.Equal("Trading halted: all symbols\nManual: dashboard: going to lunch", telegram.GetProperty("text").GetString());
        var discord = bodies["/api/webhooks/1/key"];
        Assert.Equal("**Trading halted: all symbols**\nManual: dashboard: going to lunch", discord.GetProperty("content").GetString());
        Assert.Equal(3, dispatcher.Delivered);
    }

    [Fact]
    public async Task Should_retry_a_failed_delivery_until_it_goes_through()
    {
        // arrange: two failures, then success
        await using var endpoint = await WebhookEndpoint.StartAsync(500, 429);
        using var http = new HttpClient();
        var log = new RecordingLogger();
        await using var dispatcher = new AlertDispatcher(Fast, [Target(endpoint)], http, TimeProvider.System, log);

        // act
        dispatcher.Post(Halt);
        await endpoint.WaitForAsync(e => !e.Received.IsEmpty, Generous);

        // assert
        Assert.Equal(3, endpoint.Attempts); // <-- delivered on the third attempt
        Assert.Single(endpoint.Received);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("failed (attempt 1: HTTP 500", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("failed (attempt 2: HTTP 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_give_up_after_the_configured_attempts_and_log_it_as_an_error()
    {
        // arrange
        await using var endpoint = await WebhookEndpoint.StartAsync(500, 500, 500, 500, 500, 500);
        using var http = new HttpClient();
        var log = new RecordingLogger();
        await using var dispatcher = new AlertDispatcher(Fast with { MaxAttempts = 3 }, [Target(endpoint)], http, TimeProvider.System, log);

        // act
        dispatcher.Post(Halt);
        await WaitAsync(() => dispatcher.Failed == 1);

        // assert
        Assert.Equal(3, endpoint.Attempts);
        Assert.Empty(endpoint.Received);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Text.Contains("given up after 3 attempts: HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_never_block_the_poster_while_a_webhook_hangs_and_drop_the_oldest_beyond_capacity()
    {
        // arrange: the endpoint never answers the first request
        await using var endpoint = await WebhookEndpoint.StartAsync(-1);
        using var http = new HttpClient();
        var log = new RecordingLogger();
        var dispatcher = new AlertDispatcher(Fast with { QueueCapacity = 4, RequestTimeout = TimeSpan.FromMinutes(5) }, [Target(endpoint)], http, TimeProvider.System, log);
        await using (dispatcher)
        {
            dispatcher.Post(Halt);
            await endpoint.WaitForAsync(e => e.Attempts == 1, Generous);

            // act: far more than the queue holds, while the one delivery hangs
            for (var i = 0; i < 50; i++)
            {
                dispatcher.Post(Halt with { Title = "fill " + i });
            }

            // assert: every Post returned (we are here), and the overflow was dropped and logged
            Assert.Contains(log.Lines, l => l.Text.Contains("'fill 0' dropped", StringComparison.Ordinal));
            Assert.DoesNotContain(log.Lines, l => l.Text.Contains("'fill 49' dropped", StringComparison.Ordinal));
        }
    }

    private static WebhookTarget Target(WebhookEndpoint endpoint) =>
        new(new WebhookSettings("local", WebhookFormat.Generic, "LOCAL_URL", null), endpoint.Url("alerts"));

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Generous;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}
