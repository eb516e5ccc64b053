using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Rari.Actors.Ops;
using Rari.IntegrationTests.Support;
using Rari.Node.Ops;
using Xunit.Abstractions;

namespace Rari.IntegrationTests.Cluster;

/// <summary>
/// A network partition, made with a network namespace: node 1 — the oldest, where the risk gate and the exchange gateway
/// run — sits alone in its namespace, and only the cluster's own traffic to and from it is dropped, so it still reaches
/// the exchange and the journal: the dangerous case, where a stale gateway could go on trading beside a new one. The
/// split-brain resolver must make the minority stop before the majority starts the singletons again.
/// </summary>
/// <remarks>Needs root and <c>ip netns</c> with iptables (as CI has); it fails, never skips, without them.</remarks>
public sealed partial class PartitionSpecs(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _namespace = "rari-part-" + Guid.NewGuid().ToString("N")[..6];
    private readonly string _veth = "rp" + Guid.NewGuid().ToString("N")[..6];
    private readonly int _subnet = Random.Shared.Next(1, 250);
    private LocalCluster? _cluster;

    private string Outside => $"10.78.{_subnet}.1";

    private string Inside => $"10.78.{_subnet}.2";

    public async Task InitializeAsync()
    {
        // A veth pair: one end in the namespace (node 1), the other beside PostgreSQL, the simulator and nodes 2 and 3.
        await IpAsync("netns", "add", _namespace);
        await IpAsync("link", "add", _veth + "a", "type", "veth", "peer", "name", _veth + "b");
        await IpAsync("link", "set", _veth + "b", "netns", _namespace);
        await IpAsync("addr", "add", Outside + "/24", "dev", _veth + "a");
        await IpAsync("link", "set", _veth + "a", "up");
        await IpAsync("netns", "exec", _namespace, "ip", "addr", "add", Inside + "/24", "dev", _veth + "b");
        await IpAsync("netns", "exec", _namespace, "ip", "link", "set", _veth + "b", "up");
        await IpAsync("netns", "exec", _namespace, "ip", "link", "set", "lo", "up");
        _cluster = await LocalCluster.UpAsync(new Dictionary<string, string>
        {
            ["RARI_CLUSTER_HOST"] = Outside,
            ["RARI_CLUSTER_NODE1_HOST"] = Inside,
            ["RARI_CLUSTER_NODE1_NETNS"] = _namespace,
        });
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await RunAsync("ip", ["link", "delete", _veth + "a"], mustSucceed: false);
        await RunAsync("ip", ["netns", "delete", _namespace], mustSucceed: false);
    }

    [Fact]
    public async Task Should_stop_the_minority_before_the_majority_starts_the_gateway_again()
    {
        // arrange: node 1 is the oldest, so it runs the singletons
        var cluster = _cluster!;
        await cluster.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await cluster.SingletonNodeAsync());

        // act: drop every packet of the cluster's ports in node 1's namespace; the exchange and the journal stay reachable
        var ports = $"{cluster.PortBase}:{cluster.PortBase + 2}";
        foreach (var chain in new[] { "INPUT", "OUTPUT" })
        {
            foreach (var direction in new[] { "--dport", "--sport" })
            {
                await IpAsync("netns", "exec", _namespace, "iptables", "-A", chain, "-p", "tcp", direction, ports, "-j", "DROP");
            }
        }

        var clock = Stopwatch.StartNew();
        output.WriteLine($"partitioned node 1 ({cluster.Address(1)}) from nodes 2 and 3");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        TimeSpan? minorityStopped = null;
        TimeSpan? majorityTrading = null;
        while (DateTime.UtcNow < deadline && (minorityStopped is null || majorityTrading is null))
        {
            if (minorityStopped is null && !cluster.IsRunning(1))
            {
                minorityStopped = clock.Elapsed;
            }

            if (majorityTrading is null && await MajorityRunsTheSingletonsAsync(cluster))
            {
                majorityTrading = clock.Elapsed;
            }

            await Task.Delay(200);
        }

        // assert: the minority downed itself and stopped; the majority took over, after it
        Assert.True(minorityStopped is not null, "node 1, alone in its partition, never stopped\n" + cluster.Diagnostics()); // <--
        Assert.Contains("this node was downed", cluster.NodeOutput(1), StringComparison.Ordinal);
        Assert.True(majorityTrading is not null, "nodes 2 and 3 never ran the risk gate and the gateway\n" + cluster.Diagnostics()); // <--
        output.WriteLine($"node 1 stopped {minorityStopped!.Value.TotalSeconds:0.0} s after the partition; nodes 2 and 3 answered with a reconciled gateway after {majorityTrading!.Value.TotalSeconds:0.0} s");

        // The two gateways never overlapped: node 1's last log line is older than the new gateway's recovery.
        var minorityLast = LastTime(cluster.NodeLog(1));
        var successor = Enumerable.Range(2, 2).Select(n => FirstTime(cluster.NodeLog(n), "Gateway gateway-test recovered", after: minorityLast.AddSeconds(-60))).Where(t => t is not null).Min();
        Assert.NotNull(successor);
        output.WriteLine($"node 1 logged last at {minorityLast:HH:mm:ss.fff}; the new gateway recovered at {successor:HH:mm:ss.fff}");
        Assert.True(minorityLast < successor, $"the new gateway started at {successor:HH:mm:ss.fff}, before node 1 stopped ({minorityLast:HH:mm:ss.fff})"); // <--

        using var admin = new SimAdmin(cluster.SimAddress);
        var ledger = await admin.OrdersAsync(ClusterFixture.Account);
        var doubled = ledger.GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(doubled.Count == 0, "orders created twice across the partition: " + string.Join(", ", doubled)); // <--
        var resent = (await admin.PlacementRequestsAsync()).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(resent.Count == 0, "client order ids sent twice across the partition: " + string.Join(", ", resent));
        output.WriteLine($"{ledger.Count} orders at the venue, none created or sent twice");
    }

    private static async Task<bool> MajorityRunsTheSingletonsAsync(LocalCluster cluster)
    {
        foreach (var n in new[] { 2, 3 })
        {
            using var ops = cluster.Ops(n);
            try
            {
                var trader = await ops.GetAsync<TraderView>(OpsRoutes.Trader, CancellationToken.None);
                var members = await ops.GetAsync<ClusterView>(OpsRoutes.Cluster, CancellationToken.None);
                if (trader is { Problems.Count: 0, Gateway.Reconciled: true } && members.Members.All(m => m.Address != cluster.Address(1)))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }
        }

        return false;
    }

    private static DateTime LastTime(string log) =>
        LogTime().Matches(log).Select(m => Parse(m.Value)).DefaultIfEmpty(DateTime.MinValue).Max();

    private static DateTime? FirstTime(string log, string text, DateTime after)
    {
        foreach (var line in log.Split('\n'))
        {
            if (line.Contains(text, StringComparison.Ordinal) && LogTime().Match(line) is { Success: true } match && Parse(match.Value) > after)
            {
                return Parse(match.Value);
            }
        }

        return null;
    }

    private static DateTime Parse(string text) => DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}", RegexOptions.Multiline)]
    private static partial Regex LogTime();

    private static Task IpAsync(params string[] arguments) => RunAsync("ip", arguments, mustSucceed: true);

    private static async Task RunAsync(string command, string[] arguments, bool mustSucceed)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(!mustSucceed || process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} (the partition test needs root and ip netns)");
    }
}
