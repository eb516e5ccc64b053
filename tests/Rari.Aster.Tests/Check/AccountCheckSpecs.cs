using System.Text.Json.Nodes;
using Rari.Aster.Check;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;
using Rari.TestKit;

namespace Rari.Aster.Tests.Check;

public sealed class AccountCheckSpecs
{
    private static readonly IReadOnlyList<Symbol> Served = [new("BTCUSDT"), new("ETHUSDT"), new("SOLUSDT"), new("SUIUSDT")];
    private static readonly AccountCheckOptions ServedAssets = new() { Symbols = Served };

    [Fact]
    public async Task Should_pass_every_check_for_an_account_set_up_as_the_asset_table_says()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions());

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.True(report.AllPassed, Describe(report));
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(
            ["Connection", "Clock", "Credentials", "Permissions", "Position mode", "Balance", "BTCUSDT leverage", "ETHUSDT leverage", "SOLUSDT leverage", "SUIUSDT leverage"],
            report.Results.Select(r => r.Name));
        Assert.Equal("the venue accepted the V1 API key test…real (20 chars)", report.Results[2].Finding);
        Assert.Equal("may trade and open the user-data stream", report.Results[3].Finding);
        Assert.Equal("one-way mode, as rari expects", report.Results[4].Finding);
        Assert.Equal("5000.00 USDT available; the smallest order on each of 4 asset(s) needs 2.45 USDT of margin", report.Results[5].Finding);
        Assert.Equal("50x cross, as the asset table says (the venue allows up to 125x)", report.Results[6].Finding);
        Assert.All(report.Results, r => Assert.Null(r.Advice));
    }

    [Fact]
    public async Task Should_accept_a_v3_wallet()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions() with { V1Credentials = null, V3Credentials = TestAccounts.SelfSigned });

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.True(report.AllPassed, Describe(report));
        Assert.Equal("V3 wallet " + TestAccounts.SelfSigned.User.ToChecksumString(), report.Identity);
    }

    [Fact]
    public async Task Should_name_a_wrong_key_and_the_ip_whitelist_and_skip_the_account_checks()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions(apiKey: "not-the-real-api-key-0000"));

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(
            [("Connection", CheckStatus.Passed), ("Clock", CheckStatus.Passed), ("Credentials", CheckStatus.Failed), ("Account", CheckStatus.Skipped)],
            report.Results.Select(r => (r.Name, r.Status)));
        Assert.Equal("Aster refused the key, this IP or the key's permissions (-2015): Invalid API-key, IP, or permissions for action.", report.Results[2].Finding);
        Assert.Equal(
            "Check ASTER_API_KEY against Aster's API management page, and if the key is restricted to IP addresses, add this machine's public IP to its whitelist.",
            report.Results[2].Advice);
    }

    [Fact]
    public async Task Should_say_when_the_secret_does_not_belong_to_the_key()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions(secret: "another-secret-0123456789abcdef0123456789abcdef0123456789abcd"));

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        var credentials = report.Results.Single(r => r.Name == "Credentials");
        Assert.Equal(CheckStatus.Failed, credentials.Status);
        Assert.Equal("the request signature was refused (-1022): the secret does not belong to this key", credentials.Finding);
        Assert.StartsWith("Copy ASTER_API_SECRET again", credentials.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_a_skewed_clock_with_its_recv_window_consequence()
    {
        // arrange: this machine's clock runs 7 s ahead
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions(), time: new ShiftedClock(TimeSpan.FromSeconds(7)));

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        var clock = report.Results.Single(r => r.Name == "Clock");
        Assert.Equal(CheckStatus.Failed, clock.Status);
        Assert.Matches(
            @"^your clock is 7\.0 s ahead of the venue's \(round trip \d+ ms\); signed with it, every request would fall outside recvWindow 5000 ms and be refused; rari corrects",
            clock.Finding);
        Assert.StartsWith("Turn on automatic time sync", clock.Advice, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Name != "Clock"), r => Assert.Equal(CheckStatus.Passed, r.Status));
    }

    [Fact]
    public async Task Should_ask_for_one_way_mode_when_hedge_mode_is_on()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions());
        await client.SetHedgeModeAsync(true);

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        var mode = report.Results.Single(r => r.Name == "Position mode");
        Assert.Equal(
            CheckResult.Fail("Position mode", "hedge mode is on; rari trades in one-way mode (one net position per symbol)",
                "Switch to one-way mode in Aster (Futures > Preferences > Position Mode > One-way) while no position or order is open."),
            mode);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task Should_ask_to_enable_trading_when_the_key_may_only_read()
    {
        // arrange: a stand-in engine whose account may not trade
        AccountSettingsApi? api = null;
        await using var sim = await SimulatorHost.StartAsync(trading: context => api = new AccountSettingsApi(context) { CanTrade = false });
        using var client = AsterRestClient.Create(sim.ClientOptions());

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.Equal(
            CheckResult.Fail("Permissions", "the account may not trade", "Enable trading for this API key on Aster's API management page (reading alone is not enough)."),
            report.Results.Single(r => r.Name == "Permissions"));
        Assert.NotNull(api);
    }

    [Fact]
    public async Task Should_ask_for_a_deposit_when_the_balance_cannot_pay_for_the_smallest_orders()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions(SimulatorAccounts.PoorApiKey, SimulatorAccounts.PoorSecret));

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets with { MinimumBalance = 100m });

        // assert
        var balance = report.Results.Single(r => r.Name == "Balance");
        Assert.Equal(
            CheckResult.Fail("Balance", "0.00 USDT available, 100.00 needed: the configured minimum is 100.00 USDT",
                "Deposit USDT, or transfer it from your spot wallet to the futures wallet (Aster > Assets > Transfer), so at least 100.00 USDT is available."),
            balance);
    }

    [Fact]
    public async Task Should_name_each_symbol_whose_leverage_or_margin_type_differs_from_the_table()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions());
        await client.SetLeverageAsync(new Symbol("ETHUSDT"), 20);
        await client.SetMarginTypeAsync(new Symbol("ETHUSDT"), AsterMarginType.Isolated);
        await client.SetMarginTypeAsync(new Symbol("SOLUSDT"), AsterMarginType.Isolated);

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.Equal(
            [
                CheckResult.Fail("ETHUSDT leverage", "leverage is 20x but the asset table uses 50x; margin is isolated but rari expects cross",
                    "On Aster's ETHUSDT trading page set leverage to 50x and set margin mode to Cross (possible only with no open position or order)."),
                CheckResult.Fail("SOLUSDT leverage", "margin is isolated but rari expects cross",
                    "On Aster's SOLUSDT trading page set margin mode to Cross (possible only with no open position or order)."),
            ],
            report.Results.Where(r => r.Status == CheckStatus.Failed));
    }

    [Fact]
    public async Task Should_refuse_a_table_leverage_above_the_venues_brackets()
    {
        // arrange: the venue allows at most 20x on SUIUSDT
        await using var venue = await CheckedVenue.StartAsync(instrumentsFile: InstrumentsCappedAt("SUIUSDT", 20));
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions());

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.Equal(
            [CheckResult.Fail("SUIUSDT leverage", "the asset table asks 25x, but the venue's brackets allow at most 20x on SUIUSDT", "Lower rari.assets.SUIUSDT.leverage to 20 or less.")],
            report.Results.Where(r => r.Status == CheckStatus.Failed));
    }

    [Fact]
    public async Task Should_fail_a_table_symbol_the_venue_does_not_list()
    {
        // arrange: the default table also trades ASTERUSDT and PENGUUSDT, which the sample data lacks
        await using var venue = await CheckedVenue.StartAsync();
        using var client = AsterRestClient.Create(venue.Sim.ClientOptions());

        // act
        var report = await AccountCheck.RunAsync(client);

        // assert
        Assert.Equal(
            [
                CheckResult.Fail("ASTERUSDT leverage", "ASTERUSDT is not traded on this venue", "Remove ASTERUSDT from the traded assets, or check its spelling."),
                CheckResult.Fail("PENGUUSDT leverage", "PENGUUSDT is not traded on this venue", "Remove PENGUUSDT from the traded assets, or check its spelling."),
            ],
            report.Results.Where(r => r.Status == CheckStatus.Failed));
    }

    [Fact]
    public async Task Should_say_the_venue_is_unreachable_and_skip_the_rest()
    {
        // arrange: nothing listens on port 9 of the loopback
        using var client = AsterRestClient.Create(AsterClientOptions.Mainnet with
        {
            RestBaseUrl = new Uri("http://127.0.0.1:9"),
            V1Credentials = new Rari.Aster.Signing.V1Credentials(SimulatorAccounts.ApiKey, SimulatorAccounts.Secret),
            MaxAttempts = 1,
        });

        // act
        var report = await AccountCheck.RunAsync(client, ServedAssets);

        // assert
        Assert.Equal([("Connection", CheckStatus.Failed), ("Everything else", CheckStatus.Skipped)], report.Results.Select(r => (r.Name, r.Status)));
        Assert.StartsWith("no answer from 127.0.0.1:9: ", report.Results[0].Finding, StringComparison.Ordinal);
        Assert.Equal("Check the address (http://127.0.0.1:9/), your internet connection and any proxy or firewall between you and 127.0.0.1:9.", report.Results[0].Advice);
        Assert.Equal("not checked: the venue is not reachable", report.Results[1].Finding);
    }

    [Fact]
    public async Task Should_never_put_a_secret_in_the_report()
    {
        // arrange
        await using var venue = await CheckedVenue.StartAsync();
        using var v1 = AsterRestClient.Create(venue.Sim.ClientOptions(secret: "another-secret-0123456789abcdef0123456789abcdef0123456789abcd"));
        using var v3 = AsterRestClient.Create(venue.Sim.ClientOptions() with { V1Credentials = null, V3Credentials = TestAccounts.Agent });

        // act
        var text = Describe(await AccountCheck.RunAsync(v1, ServedAssets)) + Describe(await AccountCheck.RunAsync(v3, ServedAssets));

        // assert
        Assert.DoesNotContain("another-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(SimulatorAccounts.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.AgentKey[2..], text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("V3 API wallet", text, StringComparison.Ordinal);
    }

    private static string Describe(AccountCheckReport report) =>
        $"{report.Venue} {report.Identity}\n" + string.Join("\n", report.Results.Select(r => $"{r.Status} {r.Name}: {r.Finding} | {r.Advice}"));

    private static string InstrumentsCappedAt(string symbol, int maxLeverage)
    {
        var builtIn = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "Rari.Aster.Sim", "Instruments", "instruments.json")))!;
        var entry = builtIn["symbols"]!.AsArray().Single(s => (string)s!["symbol"]! == symbol)!.DeepClone();
        foreach (var bracket in entry["leverageBrackets"]!.AsArray())
        {
            bracket!["initialLeverage"] = Math.Min((int)bracket["initialLeverage"]!, maxLeverage);
        }

        var path = Path.Combine(Path.GetTempPath(), $"rari-check-instruments-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonObject { ["symbols"] = new JsonArray(entry) }.ToJsonString());
        return path;
    }

    /// <summary>The wall clock shifted by an offset: a machine whose clock is wrong.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    /// <summary>
    /// The simulator with the Venue wired in, every served symbol of every account set to the leverage
    /// <see cref="AssetProfileTable.Default"/> gives it.
    /// </summary>
    private sealed class CheckedVenue : IAsyncDisposable
    {
        private CheckedVenue(SimulatorHost sim) => Sim = sim;

        public SimulatorHost Sim { get; }

        public static async Task<CheckedVenue> StartAsync(string? instrumentsFile = null)
        {
            var sim = await SimulatorHost.StartAsync(o => o with { InstrumentsFile = instrumentsFile });
            foreach (var options in new[]
            {
                sim.ClientOptions(),
                sim.ClientOptions(SimulatorAccounts.PoorApiKey, SimulatorAccounts.PoorSecret),
                sim.ClientOptions() with { V1Credentials = null, V3Credentials = TestAccounts.SelfSigned },
            })
            {
                using var client = AsterRestClient.Create(options);
                foreach (var symbol in Served)
                {
                    var wanted = AssetProfileTable.Default.For(symbol).Leverage;
                    var allowed = (await client.GetLeverageBracketsAsync(symbol)).Single().Brackets.Max(b => b.InitialLeverage);
                    await client.SetLeverageAsync(symbol, Math.Min(wanted, allowed));
                }
            }

            return new CheckedVenue(sim);
        }

        public ValueTask DisposeAsync() => Sim.DisposeAsync();
    }
}
