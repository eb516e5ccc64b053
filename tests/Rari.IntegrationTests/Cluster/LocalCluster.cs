using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rari.Actors.Ops;
using Rari.IntegrationTests.Support;
using Rari.Node.Ops;

namespace Rari.IntegrationTests.Cluster;

/// <summary>
/// The paper cluster of <c>scripts/cluster-local.sh</c> — its own PostgreSQL on loopback, <c>rari sim</c> and three
/// <c>rari node</c> processes — in a temporary folder on free ports, driven through the script itself and watched through
/// the nodes' ops endpoints.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>The traded symbols: three, so that each node hosts one.</summary>
    public static readonly string[] Symbols = ["ETHUSDT", "SOLUSDT", "SUIUSDT"];

    private readonly string _script;
    private readonly Dictionary<string, string> _environment;

    private LocalCluster(string folder, int simPort, int portBase, int opsBase, int pgPort, IReadOnlyDictionary<string, string> topology)
    {
        Folder = folder;
        Host = topology.TryGetValue("RARI_CLUSTER_HOST", out var host) ? host : "127.0.0.1";
        SimAddress = new Uri($"http://127.0.0.1:{simPort}");
        PortBase = portBase;
        OpsBase = opsBase;
        _script = Path.Combine(RepositoryRoot(), "scripts", "cluster-local.sh");
        _environment = new Dictionary<string, string>
        {
            ["RARI_DLL"] = RariProcess.RariDll,
            ["RARI_CLUSTER_DIR"] = folder,
            ["RARI_CLUSTER_PG_PORT"] = pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RARI_CLUSTER_SIM_PORT"] = simPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RARI_CLUSTER_PORT_BASE"] = portBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RARI_CLUSTER_OPS_BASE"] = opsBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RARI_CLUSTER_SYMBOLS"] = string.Join(',', Symbols),

            // Two bars a second and a tight grid: orders fill within seconds, so failovers land among fills.
            ["RARI_CLUSTER_SPEED"] = "120",
            ["RARI_CLUSTER_ARGS"] = "--set grid.spacing=0.004",
            ["LOG_LEVEL"] = "info",
        };
        foreach (var (name, value) in topology)
        {
            _environment[name] = value;
        }
    }

    /// <summary>The address PostgreSQL, the simulator and (unless placed elsewhere) the nodes listen on.</summary>
    public string Host { get; }

    public string Folder { get; }

    /// <summary>Where the specs read the simulator: loopback, where its admin API answers.</summary>
    public Uri SimAddress { get; }

    public int PortBase { get; }

    public int OpsBase { get; }

    public string Token => File.ReadAllText(Path.Combine(Folder, "ops-token")).Trim();

    /// <summary>Starts the script's cluster in a new temporary folder; <paramref name="topology"/> sets the script's address variables.</summary>
    public static async Task<LocalCluster> UpAsync(IReadOnlyDictionary<string, string>? topology = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rari-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var cluster = new LocalCluster(folder, RariProcess.FreePort(), FreeRange(), FreeRange(), RariProcess.FreePort(), topology ?? new Dictionary<string, string>());
        await cluster.RunScriptAsync("up", "grid");
        return cluster;
    }

    /// <summary>The cluster address of node <paramref name="n"/> (1-3).</summary>
    public string Address(int n) => $"akka.tcp://rari@{NodeHost(n)}:{PortBase + n - 1}";

    /// <summary>The address node <paramref name="n"/> listens on (cluster and ops endpoint).</summary>
    public string NodeHost(int n) => _environment.TryGetValue($"RARI_CLUSTER_NODE{n}_HOST", out var host) ? host : Host;

    /// <summary>Which node (1-3) an address is.</summary>
    public int NodeOf(string address) => int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - PortBase + 1;

    public int OpsPort(int n) => OpsBase + n - 1;

    public OpsClient Ops(int n) => new(new Uri($"http://{NodeHost(n)}:{OpsPort(n)}"), Token, TimeSpan.FromSeconds(30));

    public bool IsRunning(int n)
    {
        var pidFile = Path.Combine(Folder, $"node{n}.pid");
        if (!File.Exists(pidFile))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public string NodeOutput(int n)
    {
        var path = Path.Combine(Folder, $"node{n}", "out.log");
        return File.Exists(path) ? Shared(path) : string.Empty;
    }

    /// <summary>Node <paramref name="n"/>'s diagnostic log file (with millisecond times).</summary>
    public string NodeLog(int n)
    {
        var logs = Path.Combine(Folder, $"node{n}", "logs");
        return Directory.Exists(logs) ? string.Concat(Directory.EnumerateFiles(logs, "rari-*.log").Order(StringComparer.Ordinal).Select(Shared)) : string.Empty;
    }

    public Task KillAsync(int n) => RunScriptAsync("kill", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StopAsync(int n) => RunScriptAsync("stop", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartAsync(int n) => RunScriptAsync("start", n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Asks the first running node; null when none answers.</summary>
    public async Task<T?> AskAnyAsync<T>(string route)
        where T : class
    {
        for (var n = 1; n <= 3; n++)
        {
            if (!IsRunning(n))
            {
                continue;
            }

            using var ops = Ops(n);
            try
            {
                return await ops.GetAsync<T>(route, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Starting, stopping or not yet listening: ask the next.
            }
        }

        return null;
    }

    /// <summary>Waits until all three nodes are Up, every symbol is hosted and answers, and the gateway has reconciled.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        string last = "nothing answered";
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var members = await AskAnyAsync<ClusterView>(OpsRoutes.Cluster);
            var trader = await AskAnyAsync<TraderView>(OpsRoutes.Trader);
            var hosted = await HostsAsync();
            last = $"members {string.Join(", ", members?.Members.Select(m => $"{m.Address} {m.Status}") ?? [])}; hosted {string.Join(", ", hosted.Select(h => $"{h.Key}@{h.Value}"))}; "
                + $"gateway {(trader?.Gateway?.Reconciled == true ? "reconciled" : "not reconciled")}; symbols {string.Join(", ", trader?.Symbols.Select(s => $"{s.Symbol} {s.Detail}") ?? [])}";
            if (members?.Members.Count(m => m.Status == "Up") == 3 && await EveryNodeSeesThreeUpAsync() && hosted.Count == Symbols.Length && trader?.Gateway?.Reconciled == true
                && trader.Symbols.All(s => s.Detail.StartsWith("trading", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(1_000);
        }

        Assert.Fail($"the cluster did not become healthy within {timeout}: {last}\n{Diagnostics()}");
    }

    // Membership converges by gossip: one node may see all three Up while another still sees itself joining.
    private async Task<bool> EveryNodeSeesThreeUpAsync()
    {
        for (var n = 1; n <= 3; n++)
        {
            using var ops = Ops(n);
            try
            {
                var view = await ops.GetAsync<ClusterView>(OpsRoutes.Cluster, CancellationToken.None);
                if (view.Members.Count(m => m.Status == "Up" && m.Reachable) != 3)
                {
                    return false;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where each symbol runs now (symbol → node 1-3), as the nodes' shard regions answer.</summary>
    public async Task<Dictionary<string, int>> HostsAsync()
    {
        var shards = await AskAnyAsync<ShardsView>(OpsRoutes.Shards);
        var hosts = new Dictionary<string, int>();
        foreach (var region in shards?.Regions ?? [])
        {
            foreach (var symbol in region.Shards.SelectMany(s => s.Symbols))
            {
                hosts[symbol] = NodeOf(region.Address);
            }
        }

        return hosts;
    }

    /// <summary>The node (1-3) that hosts the singletons (the oldest trader).</summary>
    public async Task<int> SingletonNodeAsync()
    {
        var members = await AskAnyAsync<ClusterView>(OpsRoutes.Cluster);
        var host = members?.Members.FirstOrDefault(m => m.HostsSingletons) ?? throw new InvalidOperationException("no node answers");
        return NodeOf(host.Address);
    }

    /// <summary>Every node's recent output, for failure messages.</summary>
    public string Diagnostics() =>
        string.Join("\n", Enumerable.Range(1, 3).Select(n => $"==== node {n} ({(IsRunning(n) ? "running" : "stopped")})\n{Tail(NodeOutput(n), 60)}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunScriptAsync("down");
        }
        finally
        {
            try
            {
                // RARI_CLUSTER_KEEP=1 keeps the folder (logs, journal) to look at after a failure.
                if (Environment.GetEnvironmentVariable("RARI_CLUSTER_KEEP") != "1")
                {
                    Directory.Delete(Folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // PostgreSQL's files belong to its own user; the system cleans the temp folder.
            }
        }
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string Shared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task RunScriptAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"cluster-local.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    // Three consecutive ports free now (the script numbers the nodes' ports from a base).
    private static int FreeRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var start = RariProcess.FreePort();
            if (start + 2 < 65535 && Enumerable.Range(start + 1, 2).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException("no three consecutive free ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "cluster-local.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"scripts/cluster-local.sh not found above {AppContext.BaseDirectory}");
    }
}
