using System.Globalization;
using System.Text;
using Rari.Actors.Ops;

namespace Rari.Node.Ops;

/// <summary>Renders the ops endpoint's answers as plain-text tables for a terminal.</summary>
public static class OpsTables
{
    /// <summary>The members, the singletons' host marked.</summary>
    public static string Cluster(ClusterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var table = Table(
            ["ADDRESS", "STATUS", "REACHABLE", "ROLES", "SINGLETONS", ""],
            view.Members.Select(m => new[] { m.Address, m.Status, m.Reachable ? "yes" : "NO", string.Join(",", m.Roles), m.HostsSingletons ? "here" : string.Empty, m.IsSelf ? "(answering)" : string.Empty }));
        return table + $"leader: {view.Leader ?? "none"}\n";
    }

    /// <summary>The shards per node.</summary>
    public static string Shards(ShardsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var rows = new List<string[]>();
        foreach (var region in view.Regions)
        {
            if (region.Problem is { } problem)
            {
                rows.Add([region.Address, "-", problem]);
                continue;
            }

            if (region.Shards.Count == 0)
            {
                rows.Add([region.Address, "-", "(no symbols)"]);
            }

            foreach (var shard in region.Shards)
            {
                rows.Add([region.Address, shard.ShardId, string.Join(", ", shard.Symbols)]);
            }
        }

        return Table(["NODE", "SHARD", "SYMBOLS"], rows);
    }

    /// <summary>The actor tree, indented.</summary>
    public static string Tree(ActorNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        Append(text, root, 0);
        return text.ToString();
    }

    /// <summary>Every symbol, the gateway and the global state.</summary>
    public static string Trader(TraderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder(Table(
            ["SYMBOL", "MODE", "STATE", "STALE", "HALTED", "OPEN", "DETAIL"],
            view.Symbols.Select(s => new[] { s.Symbol, s.Mode, s.TradingState, s.Stale ? "yes" : "no", s.Halted ? "YES" : "no", Number(s.OpenOrders), s.Detail })));
        text.Append(CultureInfo.InvariantCulture, $"trading state: {view.GlobalTradingState ?? "unknown"}\n");
        if (view.Gateway is { } gateway)
        {
            text.Append(CultureInfo.InvariantCulture, $"gateway: {(gateway.Reconciled ? "reconciled" : "reconciling")}, {gateway.OpenOrders} open orders, {gateway.Submitted} submitted, {gateway.Rejected} rejected");
            text.Append(gateway.Equity is { } equity ? string.Create(CultureInfo.InvariantCulture, $", equity {equity:0.00} USDT\n") : "\n");
            foreach (var position in gateway.Positions)
            {
                text.Append(CultureInfo.InvariantCulture, $"  position {position.Symbol} {position.Side} {position.Quantity} @ {position.EntryPrice} (uPnL {position.UnrealizedPnl:0.00})\n");
            }
        }

        foreach (var problem in view.Problems)
        {
            text.Append("problem: ").Append(problem).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The risk gate.</summary>
    public static string Risk(RiskView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"trading state: {view.GlobalTradingState}\n");
        text.Append(CultureInfo.InvariantCulture, $"equity {view.Equity:0.00} USDT, day baseline {view.DayBaselineEquity:0.00}, peak {view.EquityPeak:0.00}\n");
        text.Append(CultureInfo.InvariantCulture, $"orders approved {view.Approved}, resized {view.Resized}, denied {view.Denied}\n");
        text.Append(view.Restrictions.Count == 0
            ? "restrictions: none\n"
            : Table(["SCOPE", "LEVEL", "CAUSE", "SINCE (UTC)", "REASON"], view.Restrictions.Select(r => new[] { r.Scope, r.Level, r.Cause, Time(r.SinceMs), r.Reason })));
        text.Append(view.Breakers.Count == 0
            ? "circuit breakers: none\n"
            : Table(["SYMBOL", "UNTIL (UTC)", "REASON"], view.Breakers.Select(b => new[] { b.Symbol, Time(b.UntilMs), b.Reason })));
        return text.ToString();
    }

    /// <summary>The open orders.</summary>
    public static string Orders(OrdersView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Orders.Count == 0
            ? "no open orders\n"
            : Table(
                ["CLIENT ORDER ID", "VENUE ID", "STATUS", "QUANTITY", "FILLED"],
                view.Orders.Select(o => new[] { o.ClientOrderId, o.VenueOrderId ?? "-", o.Status, o.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "-", o.Filled.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary>The log's last lines.</summary>
    public static string Log(LogTail tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        return $"== {tail.File}\n" + string.Concat(tail.Lines.Select(l => l + "\n"));
    }

    /// <summary>A command's outcome.</summary>
    public static string Outcome(OpsOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return (outcome.Accepted ? "ok: " : "refused: ") + outcome.Message + "\n";
    }

    /// <summary>Columns padded to their widest cell, a header line first.</summary>
    public static string Table(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        var all = new List<string[]>();
        all.Add([.. header]);
        all.AddRange(rows);
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length && i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Length ? row[i] : string.Empty;
                line.Append(i == widths.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, ActorNode node, int level)
    {
        text.Append(' ', level * 2).Append(level == 0 ? node.Path : node.Path[(node.Path.LastIndexOf('/') + 1)..]);
        text.Append(node.Children is null ? " …\n" : "\n");
        foreach (var child in node.Children ?? [])
        {
            Append(text, child, level + 1);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
