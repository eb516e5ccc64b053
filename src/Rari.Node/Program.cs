using System.CommandLine;
using Rari.Node.Commands;

namespace Rari.Node;

/// <summary>The <c>rari</c> command: one sub-command per way of running the trader.</summary>
public static class Program
{
    /// <summary>Entry point; returns the process exit code (0 success, 1 failure, 2 usage or unavailable).</summary>
    public static int Main(string[] args)
    {
        NativeHeap.LimitArenas();
        return BuildRootCommand().Parse(args).Invoke();
    }

    /// <summary>The command tree, separate from <see cref="Main"/> so tests can parse and invoke it.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("rari — an autonomous trader for Aster perpetual futures");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(OpsCommand.Create());
        return root;
    }
}
