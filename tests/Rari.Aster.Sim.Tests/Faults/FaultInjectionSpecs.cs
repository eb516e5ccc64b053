using System.Diagnostics;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Tests.Support;

namespace Rari.Aster.Sim.Tests.Faults;

public sealed class FaultInjectionSpecs
{
    [Fact]
    public async Task Should_add_fixed_latency()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { LatencyMs = 300 } });
        var watch = Stopwatch.StartNew();

        // act
        var (status, _, _) = await host.GetAsync("/fapi/v1/ping");

        // assert
        Assert.Equal(200, status);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"Answered after {watch.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public void Should_draw_the_same_faults_from_the_same_seed()
    {
        // arrange
        var settings = new FaultSettings { Seed = 42, JitterMs = 100, ServerErrorRate = 0.2, UnavailableRate = 0.2, UnknownStatusRate = 0.2, StreamDropRate = 0.3 };
        var first = new FaultInjector(settings);
        var second = new FaultInjector(settings);

        // act
        var a = Enumerable.Range(0, 200).Select(_ => (first.PlanRequest("/fapi/v1/order"), first.PlanMessage())).ToList();
        var b = Enumerable.Range(0, 200).Select(_ => (second.PlanRequest("/fapi/v1/order"), second.PlanMessage())).ToList();

        // assert
        Assert.Equal(a, b);
        Assert.Contains(a, p => p.Item1.Kind == RestFaultKind.None);
        Assert.Contains(a, p => p.Item1.Kind == RestFaultKind.UnknownStatus);
        Assert.Contains(a, p => p.Item2 == StreamFault.Drop);
        Assert.True(a.Select(p => p.Item1.DelayMs).Distinct().Count() > 20, "Jitter should vary.");
        Assert.All(a, p => Assert.InRange(p.Item1.DelayMs, 0, 100));
    }

    [Fact]
    public void Should_restart_the_sequence_when_settings_are_applied_again()
    {
        // arrange
        var settings = new FaultSettings { Seed = 9, ServerErrorRate = 0.5 };
        var injector = new FaultInjector(settings);
        var before = Enumerable.Range(0, 50).Select(_ => injector.PlanRequest("/x").Kind).ToList();

        // act
        injector.Apply(settings);
        var after = Enumerable.Range(0, 50).Select(_ => injector.PlanRequest("/x").Kind).ToList();

        // assert
        Assert.Equal(before, after);
    }

    [Fact]
    public void Should_refuse_rates_that_do_not_make_sense()
    {
        // arrange
        var injector = new FaultInjector(new FaultSettings());

        // act
        var error = Assert.Throws<ArgumentException>(() => injector.Apply(new FaultSettings { ServerErrorRate = 0.7, HangRate = 0.7, StreamDropRate = 2 }));

        // assert
        Assert.Contains("streamDropRate must be between 0 and 1, not 2.", error.Message);
        Assert.Contains("add up to more than 1", error.Message);
    }

    [Theory]
    [InlineData("serverErrorRate", 500, -1000, false)]
    [InlineData("unavailableRate", 503, -1001, false)]
    [InlineData("unknownStatusRate", 503, -1007, true)]
    [InlineData("tooManyRequestsRate", 429, -1003, false)]
    public async Task Should_answer_the_injected_status_and_process_only_for_unknown_status(string rate, int status, int code, bool processed)
    {
        // arrange
        var (host, trading, order) = await StartTradingAsync();
        await using var _ = host;
        await host.AdminAsync(HttpMethod.Post, "/_sim/faults", $$"""{"{{rate}}":1,"stormRetryAfterSeconds":7}""");

        // act
        var (answered, body, response) = await order();

        // assert
        Assert.Equal(status, answered);
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.Equal(processed ? 1 : 0, trading.Calls.Count);
        if (status == 429)
        {
            Assert.Equal("7", response.Headers.RetryAfter!.ToString());
        }
    }

    [Fact]
    public async Task Should_hang_and_cut_the_connection_without_processing()
    {
        // arrange
        var (host, trading, order) = await StartTradingAsync();
        await using var _ = host;
        await host.AdminAsync(HttpMethod.Post, "/_sim/faults", """{"hangRate":1,"hangMs":200}""");

        // act
        var error = await Record.ExceptionAsync(order);

        // assert
        Assert.IsType<HttpRequestException>(error);
        Assert.Empty(trading.Calls);
        var logged = await host.AdminAsync(HttpMethod.Get, "/_sim/requests?path=/order");
        Assert.Equal(0, logged[0].GetProperty("status").GetInt32());
        Assert.Equal("Hang", logged[0].GetProperty("fault").GetString());
    }

    [Fact]
    public async Task Should_limit_faults_to_matching_paths()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { ServerErrorRate = 1, PathContains = "/order" } });

        // act
        var ping = (await host.GetAsync("/fapi/v1/ping")).Status;
        var order = (await host.GetAsync("/fapi/v1/order")).Status;

        // assert
        Assert.Equal(200, ping);
        Assert.Equal(500, order);
    }

    [Fact]
    public async Task Should_inject_the_same_sequence_in_two_runs_with_one_seed()
    {
        // arrange
        async Task<List<int>> RunAsync()
        {
            await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { Seed = 7, UnavailableRate = 0.5 } });
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((await host.GetAsync("/fapi/v1/ping")).Status);
            }

            return statuses;
        }

        // act
        var first = await RunAsync();
        var second = await RunAsync();

        // assert
        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(503, first);
    }

    [Fact]
    public async Task Should_switch_faults_off_at_run_time_and_report_them()
    {
        // arrange
        await using var host = await SimHost.StartAsync(o => o with { Faults = new FaultSettings { UnavailableRate = 1 } });
        var during = (await host.GetAsync("/fapi/v1/ping")).Status;

        // act
        var settings = await host.AdminAsync(HttpMethod.Post, "/_sim/faults", """{"unavailableRate":0,"latencyMs":5}""");
        var after = (await host.GetAsync("/fapi/v1/ping")).Status;

        // assert
        Assert.Equal(503, during);
        Assert.Equal(200, after);
        Assert.Equal(0, settings.GetProperty("unavailableRate").GetDouble());
        Assert.Equal(5, settings.GetProperty("latencyMs").GetInt32());
        Assert.Equal(30_000, settings.GetProperty("hangMs").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_unknown_or_invalid_fault_settings()
    {
        // arrange
        await using var host = await SimHost.StartAsync();

        // act
        var (unknown, unknownBody, _) = await host.SendAsync(HttpMethod.Post, "/_sim/faults", """{"chaos":1}""");
        var (invalid, invalidBody, _) = await host.SendAsync(HttpMethod.Post, "/_sim/faults", """{"hangRate":3}""");

        // assert
        Assert.Equal(400, unknown);
        Assert.Equal("Data sent for parameter 'chaos' is not valid: no such fault setting.", unknownBody.GetProperty("msg").GetString());
        Assert.Equal(400, invalid);
        Assert.Contains("hangRate must be between 0 and 1", invalidBody.GetProperty("msg").GetString());
    }

    private static async Task<(SimHost Host, RecordingTradingApi Trading, Func<Task<(int, System.Text.Json.JsonElement, HttpResponseMessage)>> Order)> StartTradingAsync()
    {
        var trading = new RecordingTradingApi();
        var host = await SimHost.StartAsync(o => o with { AccountsFile = TestAccounts.File }, _ => trading);
        var signer = new HmacSigner(new V1Credentials(TestAccounts.TestApiKey, TestAccounts.TestSecret));
        return (host, trading, () =>
        {
            var text = $"symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timestamp={DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
            return host.SendAsync(HttpMethod.Post, "/fapi/v1/order", SignatureParameter.Append(text, signer.ComputeSignature(text)), TestAccounts.TestApiKey);
        }
        );
    }
}
