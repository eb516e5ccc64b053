using System.Text.RegularExpressions;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.IntegrationTests.Support;

namespace Rari.IntegrationTests.Sim;

/// <summary>The <c>rari sim</c> process: its banner and demo account, clean stop, and refusals of bad options.</summary>
public sealed partial class RariSimCommandSpecs
{
    [Fact]
    public async Task Should_print_demo_keys_that_trade_on_both_api_families_and_stop_cleanly()
    {
        // arrange
        await using var sim = await RariProcess.StartSimAsync("--port", RariProcess.FreePort().ToString(), "--manual");
        await WaitForAsync(() => sim.Output.Contains("Press Ctrl-C to stop.", StringComparison.Ordinal));
        var banner = sim.Output;
        var options = new AsterClientOptions { RestBaseUrl = sim.BaseAddress! };
        using var v1 = AsterRestClient.Create(options with
        {
            V1Credentials = new V1Credentials(Field(banner, "V1 API key"), Field(banner, "V1 API secret")),
        });
        var key = EthPrivateKey.Parse(Field(banner, "V3 private key"));
        using var v3 = AsterRestClient.Create(options with { V3Credentials = new V3Credentials(key.Address, key) });

        // act
        var viaV1 = (await v1.GetBalancesAsync()).Single().Balance;
        var viaV3 = (await v3.GetBalancesAsync()).Single().Balance;
        var exitCode = await sim.StopAsync();

        // assert
        Assert.Contains($"V3 address      {key.Address}", banner, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT ETHUSDT SOLUSDT SUIUSDT, 2025-05-06 00:00 → 2025-05-11 00:00 UTC", banner, StringComparison.Ordinal);
        Assert.Equal((10_000m, 10_000m), (viaV1, viaV3));
        Assert.Equal(0, exitCode);
        Assert.EndsWith("rari sim: stopping\nrari sim: stopped\n", sim.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Use at most one of --speed, --fast and --manual.", "--fast", "--manual")]
    [InlineData(1, "--speed must be a positive number of market seconds per second, not '0'.", "--speed", "0")]
    [InlineData(1, "--port must be a TCP port, 0-65535, not '65536'.", "--port", "65536")]
    [InlineData(1, "--bind must be an IP address such as 127.0.0.1 or 0.0.0.0, not 'localhost'.", "--bind", "localhost")]
    [InlineData(2, "rari sim: --data /no/such/data: no such file or folder.", "--data", "/no/such/data")]
    [InlineData(2, "rari sim: --accounts /no/such/accounts.json: no such file.", "--accounts", "/no/such/accounts.json")]
    [InlineData(2, "rari sim: --faults is not a JSON object of fault settings", "--faults", "{\"rate\":1}")]
    [InlineData(2, "rari sim: --faults: unknownStatusRate must be between 0 and 1, not 2.", "--faults", "{\"unknownStatusRate\":2}")]
    public async Task Should_refuse_bad_options_with_a_clear_message(int expectedExitCode, string message, params string[] arguments)
    {
        // act
        var (exitCode, output) = await RariProcess.RunAsync(["sim", .. arguments]);

        // assert
        Assert.Equal(expectedExitCode, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", output, StringComparison.Ordinal);
    }

    private static string Field(string banner, string label) =>
        Regex.Match(banner, "^\\s*" + Regex.Escape(label) + "\\s+(\\S+)", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"'{label}' is missing from the banner:\n{banner}");

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "rari sim did not finish printing its banner.");
    }
}
