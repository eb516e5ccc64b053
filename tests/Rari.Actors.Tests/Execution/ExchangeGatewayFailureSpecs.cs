using Akka.Actor;
using Rari.Actors.Execution;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Execution.SimulatedExchange;

namespace Rari.Actors.Tests.Execution;

/// <summary>What the gateway tells the risk gate when the exchange, the credentials or the user stream fail.</summary>
public sealed class ExchangeGatewayFailureSpecs(ITestOutputHelper output) : GatewayTestKit(output)
{
    [Fact]
    public void Should_report_refused_credentials_as_a_critical_error()
    {
        // arrange: a client whose secret the exchange does not know
        using var forged = AsterRestClient.Create(Exchange.ClientOptions() with
        {
            V1Credentials = new V1Credentials(Exchange.Server.DemoCredentials!.V1.ApiKey, "forged-secret-0123456789abcdef0123456789abcdef0123456789abcdef"),
        });

        // act
        StartGateway(rest: forged, awaitReconciled: false);

        // assert
        Assert.Equal(HaltCause.AuthenticationFailure, Expect<CriticalErrorDetected>(Risk).Cause);
    }

    [Fact]
    public async Task Should_report_repeated_exchange_failures_and_reconcile_once_the_exchange_is_back()
    {
        // arrange: every REST call fails with a 500
        await Exchange.SetFaultsAsync("""{"serverErrorRate":1.0}""");

        // act
        var gateway = StartGateway(awaitReconciled: false);
        var error = Expect<CriticalErrorDetected>(Risk, e => e.Cause == HaltCause.ExchangeFailures);
        await Exchange.SetFaultsAsync("""{"serverErrorRate":0.0}""");

        // assert
        Assert.Contains("failed in a row", error.Detail, StringComparison.Ordinal);
        AwaitReconciled(gateway);
    }

    [Fact]
    public void Should_report_a_user_stream_that_stays_down_and_not_arm_the_dead_mans_switch()
    {
        // arrange: a user stream that can never connect
        var settings = TestSettings with
        {
            UserStreamStaleAfter = TimeSpan.FromSeconds(1),
            DeadMansSwitch = true,
            CountdownInterval = TimeSpan.FromMilliseconds(100),
            Countdown = TimeSpan.FromMinutes(10),
        };

        // act
        var gateway = StartGateway(settings, userStream: () => Exchange.UserStream(new Uri("ws://127.0.0.1:9/")));

        // assert
        Assert.Equal(HaltCause.UserStreamStale, Expect<CriticalErrorDetected>(Risk).Cause);
        gateway.Tell(Approved(RestingBuy(31)));
        Expect<OrderAccepted>(Symbols);
        Assert.Empty(Exchange.Requests("POST", "/fapi/v1/countdownCancelAll"));
    }
}
