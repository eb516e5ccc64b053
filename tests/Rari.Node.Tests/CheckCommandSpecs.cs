using System.CommandLine;
using Rari.Aster.Rest;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;
using Rari.Domain.Strategies.Sizing;
using Rari.Node.Commands;
using Rari.TestKit;
using Symbol = Rari.Domain.Identifiers.Symbol;

namespace Rari.Node.Tests;

public sealed class CheckCommandSpecs
{
    private const string ApiKey = "check-apikey-not-real-0001";
    private const string Secret = "check-secret-0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Served = "BTCUSDT,ETHUSDT,SOLUSDT,SUIUSDT";

    [Fact]
    public async Task Should_pass_every_check_against_the_simulator_with_good_credentials()
    {
        // arrange
        await using var sim = await StartSimulatorAsync();
        await SetTableLeverageAsync(sim);

        // act
        var (exitCode, output, error) = await RunAsync(Credentials, "check", "--venue", sim.BaseAddress.ToString(), "--symbols", Served);

        // assert
        Assert.True(exitCode == 0, output + error);
        var lines = output.Split('\n');
        Assert.Equal($"rari check: {sim.BaseAddress.GetLeftPart(UriPartial.Authority)} as V1 API key chec…0001 (26 chars)", lines[0]);
        Assert.Equal(
            ["✓ Connection", "✓ Clock", "✓ Credentials", "✓ Permissions", "✓ Position mode", "✓ Balance",
             "✓ BTCUSDT leverage", "✓ ETHUSDT leverage", "✓ SOLUSDT leverage", "✓ SUIUSDT leverage"],
            lines.Skip(2).Take(10).Select(l => l.Trim()[..(l.Trim().IndexOf("  ", StringComparison.Ordinal))]));
        Assert.Contains("  ✓ Balance           5000.00 USDT available; the smallest order on each of 4 asset(s) needs 2.45 USDT of margin\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("→", output, StringComparison.Ordinal);
        Assert.EndsWith("\nAll checks passed: rari can trade with these settings.\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_hedge_mode_with_how_to_change_it()
    {
        // arrange
        await using var sim = await StartSimulatorAsync();
        await SetTableLeverageAsync(sim, hedgeMode: true);

        // act
        var (exitCode, output, _) = await RunAsync(Credentials, "check", "--venue", sim.BaseAddress.ToString(), "--symbols", Served);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Contains(
            "  ✗ Position mode     hedge mode is on; rari trades in one-way mode (one net position per symbol)\n" +
            "                      → Switch to one-way mode in Aster (Futures > Preferences > Position Mode > One-way) while no position or order is open.\n",
            output,
            StringComparison.Ordinal);
        Assert.EndsWith("1 check(s) failed: change what the arrows say, then run 'rari check' again.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_skewed_clock_and_what_it_means_for_recv_window()
    {
        // arrange: this machine's clock is 6 s slow
        await using var sim = await StartSimulatorAsync();
        await SetTableLeverageAsync(sim);

        // act
        var (exitCode, output, _) = await RunAsync(Credentials, new ShiftedClock(TimeSpan.FromSeconds(-6)), "check", "--venue", sim.BaseAddress.ToString(), "--symbols", Served);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Matches(@"  ✗ Clock             your clock is 6\.0 s behind the venue's \(round trip \d+ ms\); signed with it, every request would fall outside recvWindow 5000 ms", output);
        Assert.Contains("→ Turn on automatic time sync", output, StringComparison.Ordinal);
        Assert.Contains("  ✓ Credentials ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_which_variables_to_set_when_no_credentials_are_configured()
    {
        // arrange
        await using var sim = await StartSimulatorAsync();

        // act
        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string>(), "check", "--venue", sim.BaseAddress.ToString(), "--symbols", Served);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Contains("  ✓ Connection ", output, StringComparison.Ordinal);
        Assert.Contains("  ✓ Clock ", output, StringComparison.Ordinal);
        Assert.Contains("  ✗ Credentials  No Aster credentials are set", output, StringComparison.Ordinal);
        Assert.Contains("→ Set ASTER_PRIVATE_KEY (and ASTER_USER for an API wallet) for V3, or ASTER_API_KEY and ASTER_API_SECRET for V1", output, StringComparison.Ordinal);
        Assert.Contains("  - Account", output, StringComparison.Ordinal);
        Assert.EndsWith("1 check(s) failed: change what the arrows say, then run 'rari check' again.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_wrong_key_without_printing_any_secret()
    {
        // arrange
        await using var sim = await StartSimulatorAsync();
        var environment = new Dictionary<string, string> { ["ASTER_API_KEY"] = "wrong-apikey-not-real-9999", ["ASTER_API_SECRET"] = Secret };

        // act
        var (exitCode, output, error) = await RunAsync(environment, "check", "--venue", sim.BaseAddress.ToString(), "--symbols", Served);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Contains("as V1 API key wron…9999 (26 chars)", output, StringComparison.Ordinal);
        Assert.Contains("  ✗ Credentials  Aster refused the key, this IP or the key's permissions (-2015)", output, StringComparison.Ordinal);
        Assert.Contains("add this machine's public IP to its whitelist", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-apikey-not-real-9999", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_an_unreachable_venue()
    {
        // arrange

        // act
        var (exitCode, output, _) = await RunAsync(Credentials, "check", "--venue", "http://127.0.0.1:9");

        // assert
        Assert.Equal(1, exitCode);
        Assert.StartsWith("rari check: http://127.0.0.1:9 as V1 API key chec…0001 (26 chars)\n\n  ✗ Connection       no answer from 127.0.0.1:9: ", output, StringComparison.Ordinal);
        Assert.Contains("  - Everything else  not checked: the venue is not reachable", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--venue", "ftp://example.com", "'ftp://example.com' is not a http or https address")]
    [InlineData("--symbols", "BTC-USDT", "'BTC-USDT' is not a symbol")]
    [InlineData("--min-balance", "-5", "'-5' is not an amount of USDT")]
    public async Task Should_refuse_a_malformed_option(string option, string value, string message)
    {
        // act
        var (exitCode, _, error) = await RunAsync(new Dictionary<string, string>(), "check", option, value);

        // assert
        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>The wall clock shifted by an offset: a machine whose clock is wrong.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> environment, params string[] args) =>
        await RunAsync(environment, null, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> environment, TimeProvider? time, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var root = new RootCommand { CheckCommand.Create(name => environment.GetValueOrDefault(name), time) };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    private static IReadOnlyDictionary<string, string> Credentials { get; } =
        new Dictionary<string, string> { ["ASTER_API_KEY"] = ApiKey, ["ASTER_API_SECRET"] = Secret };

    /// <summary>Sets each served symbol to the asset table's leverage, as a user following the check's advice would.</summary>
    private static async Task SetTableLeverageAsync(SimServer sim, bool hedgeMode = false)
    {
        using var client = AsterRestClient.Create(AsterClientOptions.Mainnet with { RestBaseUrl = sim.BaseAddress, V1Credentials = new V1Credentials(ApiKey, Secret) });
        foreach (var symbol in Served.Split(',').Select(s => new Symbol(s)))
        {
            await client.SetLeverageAsync(symbol, AssetProfileTable.Default.For(symbol).Leverage);
        }

        if (hedgeMode)
        {
            await client.SetHedgeModeAsync(true);
        }
    }

    private static async Task<SimServer> StartSimulatorAsync()
    {
        var accounts = Path.Combine(Path.GetTempPath(), $"rari-node-check-accounts-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(accounts, $$$"""{"accounts":[{"name":"checked","balance":"5000","v1":{"apiKey":"{{{ApiKey}}}","apiSecret":"{{{Secret}}}"}}]}""");
        var data = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data"), "*-1m-*.csv.gz");
        var server = new SimServer(new SimOptions { DataFiles = data, ReplayMode = ReplayMode.Manual, AccountsFile = accounts }, context => new VenueTradingApi(context));
        await server.StartAsync();
        return server;
    }
}
