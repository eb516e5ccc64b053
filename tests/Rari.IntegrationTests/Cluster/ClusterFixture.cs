using Rari.Actors.Ops;
using Rari.IntegrationTests.Support;
using Rari.Node.Ops;

namespace Rari.IntegrationTests.Cluster;

/// <summary>
/// One paper cluster shared by the cluster specs (starting one takes about a minute on two cores): each spec first
/// brings it back to three healthy nodes, then breaks it its own way.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The simulator account the nodes trade.</summary>
    public const string Account = "paper";

    private LocalCluster? _cluster;

    internal LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not up");

    public async Task InitializeAsync() => _cluster = await LocalCluster.UpAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Starts any node that is not running and waits for three healthy nodes.</summary>
    internal async Task<LocalCluster> HealthyAsync()
    {
        for (var n = 1; n <= 3; n++)
        {
            if (!Cluster.IsRunning(n))
            {
                await Cluster.StartAsync(n);
            }
        }

        await Cluster.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));

        // Nodes that just (re)joined receive symbols by rebalancing, one hand-off every few seconds: wait until where the
        // symbols run has not changed for 10 s, so that a spec breaks a settled cluster. (A node killed while a hand-off
        // is in flight is a different case, not covered here.)
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var hosts = await Cluster.HostsAsync();
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - stableSince < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(1_000);
            var now = await Cluster.HostsAsync();
            if (now.Count != hosts.Count || now.Any(h => !hosts.TryGetValue(h.Key, out var n) || n != h.Value))
            {
                hosts = now;
                stableSince = DateTime.UtcNow;
            }
        }

        await Cluster.WaitUntilHealthyAsync(TimeSpan.FromMinutes(1));
        return Cluster;
    }

    /// <summary>
    /// Audits the venue against the trader, with the market clock stopped so nothing fills meanwhile: no client order id
    /// was created or sent twice, and the orders resting at the venue are exactly those the gateway holds open (no
    /// orphan, none believed open wrongly). The clock runs again afterwards.
    /// </summary>
    internal async Task AuditAsync(Action<string> print)
    {
        var cluster = Cluster;
        using var admin = new SimAdmin(cluster.SimAddress);
        using var http = new HttpClient { BaseAddress = cluster.SimAddress };
        await admin.FreezeClockAsync();
        try
        {
            var ledger = await admin.OrdersAsync(Account);
            var doubled = ledger.GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(doubled.Count == 0, $"orders created twice: {string.Join(", ", doubled)}"); // <--
            var resent = (await admin.PlacementRequestsAsync()).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(resent.Count == 0, $"client order ids submitted more than once: {string.Join(", ", resent)}"); // <--

            List<string> venueOpen = [];
            List<string> traderOpen = [];
            var same = 0;
            for (var attempt = 0; attempt < 60 && same < 3; attempt++)
            {
                await Task.Delay(1_000);
                var orders = await cluster.AskAnyAsync<OrdersView>(OpsRoutes.Orders);
                venueOpen = [.. (await admin.OrdersAsync(Account)).Where(o => o.IsOpen && o.ClientOrderId.StartsWith("rari-", StringComparison.Ordinal)).Select(o => o.ClientOrderId).Order()];
                var current = orders?.Orders.Select(o => o.ClientOrderId).Order().ToList() ?? [];
                same = orders is not null && current.SequenceEqual(traderOpen) ? same + 1 : 0;
                traderOpen = current;
            }

            Assert.Equal(venueOpen, traderOpen); // <-- no orphan at the venue, none the trader wrongly holds open
            Assert.True(ledger.Any(o => o.ExecutedQuantity > 0), "nothing filled: the audit proved nothing about fills");
            print($"audit: {ledger.Count} orders at the venue, none doubled, {venueOpen.Count} open and all known to the gateway");
        }
        finally
        {
            using var resume = await http.PostAsync("/_sim/clock?mode=paced&speed=120", null);
            resume.EnsureSuccessStatusCode();
        }
    }

    /// <summary>How many orders the venue has created for the account so far.</summary>
    internal async Task<int> VenueOrderCountAsync()
    {
        using var admin = new SimAdmin(Cluster.SimAddress);
        return (await admin.OrdersAsync(Account)).Count;
    }
}

/// <summary>The specs that share the paper cluster run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPaperCluster : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "paper cluster";
}
