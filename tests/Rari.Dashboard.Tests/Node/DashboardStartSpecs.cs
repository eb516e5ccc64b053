using Rari.Node.Trading;

namespace Rari.Dashboard.Tests.Node;

/// <summary>How <c>rari run</c> treats the dashboard's options before it starts anything.</summary>
public sealed class DashboardStartSpecs
{
    [Fact]
    public async Task Should_refuse_to_start_on_a_non_loopback_address_without_a_configured_token()
    {
        // arrange
        var errors = RunRequest.TryCreate(Arguments(bind: "0.0.0.0"), out var request);
        Assert.Empty(errors);
        using var output = new StringWriter();
        using var error = new StringWriter();

        // act
        var exit = await new TraderRun(request!, output, error, _ => null).RunAsync(CancellationToken.None);

        // assert
        Assert.Equal(TraderRun.UsageExitCode, exit);
        Assert.Contains("rari run: the dashboard would listen on 0.0.0.0, beyond this machine, without a configured token: set RARI_DASHBOARD_TOKEN", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("trading", output.ToString(), StringComparison.Ordinal); // <-- refused before any venue or actor
    }

    [Fact]
    public void Should_refuse_dashboard_options_together_with_no_dashboard()
    {
        // act
        var errors = RunRequest.TryCreate(Arguments(port: 9000) with { NoDashboard = true }, out _);

        // assert
        Assert.Equal("--dashboard-port and --dashboard-bind configure the dashboard that --no-dashboard turns off; drop one or the other.", Assert.Single(errors));
    }

    [Fact]
    public void Should_carry_the_port_and_address_from_the_command_line()
    {
        // act
        var errors = RunRequest.TryCreate(Arguments(port: 9000, bind: "127.0.0.1"), out var request);

        // assert
        Assert.Empty(errors);
        Assert.Equal((9000, "127.0.0.1", true), (request!.DashboardPort, request.DashboardBind, request.Dashboard));
    }

    private static RunArguments Arguments(int? port = null, string? bind = null) =>
        new("grid", true, null, null, [], null, null, null, null, null, [], null, Path.Combine(Path.GetTempPath(), "rari-dashboard-start-logs"), false, port, bind);
}
