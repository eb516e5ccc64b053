using System.Globalization;
using Rari.Actors.Ops;
using Rari.IntegrationTests.Support;
using Rari.Node.Ops;
using Xunit.Abstractions;

namespace Rari.IntegrationTests.Cluster;

/// <summary>Every <c>rari ops</c> command, run as the real process against the nodes of the paper cluster.</summary>
[Collection(SharedPaperCluster.Name)]
public sealed class OpsCommandSpecs(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_show_the_cluster_its_shards_the_actors_the_trader_the_risk_gate_the_orders_and_the_log()
    {
        // arrange
        var cluster = await fixture.HealthyAsync();

        // act
        var members = await OpsAsync(cluster, 2, "cluster", "show");
        var json = await OpsAsync(cluster, 2, "cluster", "show", "--json");
        var shards = await OpsAsync(cluster, 1, "shards", "show");
        var tree = await OpsAsync(cluster, 1, "actor", "tree");
        var sharding = await OpsAsync(cluster, 3, "actor", "tree", "/system/sharding", "--depth", "3");
        var trader = await OpsAsync(cluster, 3, "trader", "status");
        var risk = await OpsAsync(cluster, 1, "risk", "show");
        var orders = await OpsAsync(cluster, 2, "orders", "open");
        var log = await OpsAsync(cluster, 1, "log", "tail", "--lines", "5");

        // assert
        Assert.All(Enumerable.Range(1, 3), n => Assert.Contains(cluster.Address(n) + "  Up", members, StringComparison.Ordinal)); // <--
        Assert.Contains("here", members, StringComparison.Ordinal);
        Assert.Equal(3, OpsClient.Read<ClusterView>(json)!.Members.Count(m => m.Status == "Up"));
        Assert.All(LocalCluster.Symbols, s => Assert.Contains(s, shards, StringComparison.Ordinal));
        Assert.Contains("market-data", tree, StringComparison.Ordinal);
        Assert.Contains("exchange-gateway", tree, StringComparison.Ordinal);
        Assert.Contains("symbols", sharding, StringComparison.Ordinal);
        Assert.All(LocalCluster.Symbols, s => Assert.Contains(s + "  grid", trader, StringComparison.Ordinal));
        Assert.Contains("gateway: reconciled", trader, StringComparison.Ordinal);
        Assert.Contains("trading state: Active", risk, StringComparison.Ordinal);
        Assert.True(orders.StartsWith("CLIENT ORDER ID", StringComparison.Ordinal) || orders.StartsWith("no open orders", StringComparison.Ordinal), orders);
        Assert.All(orders.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.StartsWith("rari-grid-", line, StringComparison.Ordinal));
        var logLines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("== ", logLines[0], StringComparison.Ordinal);
        Assert.InRange(logLines.Length - 1, 1, 5);
    }

    [Fact]
    public async Task Should_halt_resume_and_flatten_through_the_risk_gate()
    {
        // arrange
        var cluster = await fixture.HealthyAsync();

        // act
        var halted = await OpsAsync(cluster, 2, "trader", "halt", "SOLUSDT", "--reason", "ops spec");
        var riskWhileHalted = await OpsAsync(cluster, 3, "risk", "show");
        var resumed = await OpsAsync(cluster, 1, "trader", "resume", "SOLUSDT");
        var riskAfter = await OpsAsync(cluster, 1, "risk", "show");
        var flattened = await OpsAsync(cluster, 3, "trader", "flatten", "SUIUSDT", "--reason", "ops spec");
        var riskFlattened = await OpsAsync(cluster, 2, "risk", "show");
        var resumedAgain = await OpsAsync(cluster, 2, "trader", "resume", "SUIUSDT");

        // assert
        Assert.StartsWith("ok: ", halted, StringComparison.Ordinal);
        Assert.Contains("SOLUSDT  Halted  Manual", riskWhileHalted, StringComparison.Ordinal); // <--
        Assert.StartsWith("ok: ", resumed, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUSDT  Halted", riskAfter, StringComparison.Ordinal); // <--
        Assert.StartsWith("ok: ", flattened, StringComparison.Ordinal);
        Assert.Contains("SUIUSDT  Halted", riskFlattened, StringComparison.Ordinal); // <--
        Assert.StartsWith("ok: ", resumedAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_without_the_token_and_explain_bad_addresses()
    {
        // arrange
        var cluster = await fixture.HealthyAsync();

        // act
        var (noToken, noTokenOutput) = await RariProcess.RunAsync("ops", "cluster", "show", "--port", Port(cluster, 1), "--token", "not-the-token");
        var (badAddress, badAddressOutput) = await RariProcess.RunAsync("ops", "cluster", "down", "akka.tcp://rari@10.9.9.9:1", "--port", Port(cluster, 1), "--token", cluster.Token);
        var (noneUnreachable, noneOutput) = await RariProcess.RunAsync("ops", "cluster", "down-unreachable", "--port", Port(cluster, 1), "--token", cluster.Token);
        var (noNode, noNodeOutput) = await RariProcess.RunAsync("ops", "cluster", "show", "--port", RariProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--token", cluster.Token);

        // assert
        Assert.Equal(2, noToken);
        Assert.Contains("no valid token", noTokenOutput, StringComparison.Ordinal); // <--
        Assert.Equal(1, badAddress);
        Assert.Contains("is not a member of this cluster", badAddressOutput, StringComparison.Ordinal);
        Assert.Equal(1, noneUnreachable);
        Assert.Contains("No member is unreachable", noneOutput, StringComparison.Ordinal);
        Assert.Equal(2, noNode);
        Assert.Contains("no node answers", noNodeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_let_a_member_leave_and_mark_another_down()
    {
        // arrange: two nodes that do not host the singletons
        var cluster = await fixture.HealthyAsync();
        var singletons = await cluster.SingletonNodeAsync();
        var others = Enumerable.Range(1, 3).Where(n => n != singletons).ToList();

        // act
        var left = await OpsAsync(cluster, singletons, "cluster", "leave", cluster.Address(others[0]));
        var downed = await OpsAsync(cluster, singletons, "cluster", "down", cluster.Address(others[1]));

        // assert: both processes end, and the cluster shows the singletons' node alone
        Assert.StartsWith("ok: ", left, StringComparison.Ordinal);
        Assert.StartsWith("ok: ", downed, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && others.Any(cluster.IsRunning))
        {
            await Task.Delay(500);
        }

        Assert.False(others.Any(cluster.IsRunning), "a node asked to leave or marked down still runs\n" + cluster.Diagnostics()); // <--
        var members = await OpsAsync(cluster, singletons, "cluster", "show");
        Assert.DoesNotContain(cluster.Address(others[0]), members, StringComparison.Ordinal);
        Assert.Contains("this node was downed", cluster.NodeOutput(others[1]), StringComparison.Ordinal);
        Assert.Contains("an operator asked it to leave", cluster.NodeOutput(others[0]), StringComparison.Ordinal);
    }

    private static string Port(LocalCluster cluster, int node) => cluster.OpsPort(node).ToString(CultureInfo.InvariantCulture);

    private async Task<string> OpsAsync(LocalCluster cluster, int node, params string[] command)
    {
        var (exitCode, text) = await RariProcess.RunAsync(["ops", .. command, "--port", Port(cluster, node), "--token", cluster.Token]);
        output.WriteLine($"$ rari ops {string.Join(' ', command)} (node {node}) → {exitCode}\n{text}");
        Assert.True(exitCode == 0, $"rari ops {string.Join(' ', command)} failed ({exitCode}):\n{text}");
        return text;
    }
}
