using Microsoft.Extensions.Logging;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;

namespace Rari.Aster.Tests.Rest;

public sealed class LoggingSpecs
{
    [Fact]
    public async Task Should_log_every_request_at_debug_and_errors_at_warning_with_code_and_message()
    {
        // arrange
        var logs = new CapturingLoggerFactory();
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => request.Path.EndsWith("/depth", StringComparison.Ordinal)
            ? ScriptedResponse.Json("""{"lastUpdateId":1,"E":2,"T":3,"bids":[],"asks":[]}""")
            : ScriptedResponse.Error(400, -1121, "Invalid symbol.")));
        using var client = AsterRestClient.Create(TestAccounts.For(server), logs);

        // act
        await client.GetDepthAsync(TestAccounts.BtcUsdt, 100);
        await Assert.ThrowsAsync<AsterApiException>(() => client.GetPremiumIndexAsync(new Symbol("NOPEUSDT")));

        // assert
        var debug = logs.Entries.Where(e => e.Level == LogLevel.Debug).Select(e => e.Message).ToArray();
        Assert.Equal(2, debug.Length);
        Assert.Matches(@"^Aster GET /fapi/v3/depth weight 5: HTTP 200 in \d+ ms \(attempt 1\)$", debug[0]);
        Assert.Matches(@"^Aster GET /fapi/v3/premiumIndex weight 1: HTTP 400 in \d+ ms \(attempt 1\)$", debug[1]);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Aster GET /fapi/v3/premiumIndex failed (InvalidRequest): HTTP 400, code -1121: Invalid symbol.", warning.Message);
        Assert.Contains("Code=-1121", warning.Values);
    }

    [Fact]
    public async Task Should_never_log_an_api_secret_a_private_key_or_a_signature()
    {
        // arrange
        var v1Logs = new CapturingLoggerFactory();
        var v3Logs = new CapturingLoggerFactory();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(ServerScripts.WithSystemTime(request => (Interlocked.Increment(ref calls) % 4) switch
        {
            0 => ScriptedResponse.Error(503, -1001, "Service unavailable"),
            1 => ScriptedResponse.Error(400, -1022, "Signature for this request is not valid."),
            2 => ScriptedResponse.Json(ServerScripts.OrderJson),
            _ => ScriptedResponse.Error(400, -2013, "Order does not exist."),
        }));
        using var v1 = AsterRestClient.Create(TestAccounts.For(server, v1: TestAccounts.V1) with { UnknownStatusTimeout = TimeSpan.FromMilliseconds(200) }, v1Logs);
        using var v3 = AsterRestClient.Create(TestAccounts.For(server, v3: TestAccounts.Agent) with { UnknownStatusTimeout = TimeSpan.FromMilliseconds(200) }, v3Logs);

        // act
        foreach (var client in new[] { v1, v3 })
        {
            for (var i = 0; i < 4; i++)
            {
                await Swallow(() => client.PlaceOrderAsync(AsterHttpTransportSpecs.LimitOrder($"grid-L1-000{i}")));
                await Swallow(() => client.GetOpenOrdersAsync(TestAccounts.BtcUsdt));
                await Swallow(() => client.CancelOrderAsync(TestAccounts.BtcUsdt, OrderReference.ById(new VenueOrderId(i + 1))));
            }
        }

        // assert
        var signatures = server.Requests.Select(r => r.Parameter("signature")).OfType<string>().Distinct().ToArray();
        var secrets = new[] { TestAccounts.V1Secret, TestAccounts.AgentKey[2..], TestAccounts.AgentKey }.Concat(signatures).ToArray();
        var everything = v1Logs.Entries.Concat(v3Logs.Entries).Select(e => e.AllText).ToArray();
        Assert.True(signatures.Length > 20, "the run should have signed many requests");
        Assert.True(everything.Length > 40, "the run should have logged many entries");
        Assert.All(everything, text => Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase))); // <--
        Assert.All(everything, text => Assert.DoesNotContain(TestAccounts.V1ApiKey, text, StringComparison.Ordinal));
    }

    private static async Task Swallow(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AsterApiException)
        {
            // Failures are part of the scenario: their logs are what is checked.
        }
    }
}
