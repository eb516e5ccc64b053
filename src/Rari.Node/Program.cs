namespace Rari.Node;

/// <summary>
/// The <c>rari</c> command. Each sub-command arrives with the issue that builds it; until then the
/// command says so plainly rather than pretending.
/// </summary>
public static class Program
{
    private static readonly (string Name, string Summary)[] Commands =
    [
        ("run", "run the trader: rari run grid|volatility|hybrid [--test] (the actor runtime, issue #6)"),
        ("backtest", "backtest strategies on recorded data (issue #5)"),
        ("sim", "start the simulated Aster exchange (issue #3)"),
        ("check", "check Aster credentials and account settings (issue #4)"),
        ("node", "join a trader cluster (issue #9)"),
        ("ops", "operate a running cluster (issue #9)"),
    ];

    /// <summary>Entry point: prints the command list; exits 2 for a command that is not built yet.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(Console.Out);
            return 0;
        }

        var known = Array.Find(Commands, c => c.Name == args[0]);
        Console.Error.WriteLine(known.Name is null
            ? $"rari: unknown command '{args[0]}'. Run 'rari --help' for the list."
            : $"rari: '{args[0]}' is not available in this build yet: {known.Summary}.");
        return 2;
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("rari — an autonomous trader for Aster perpetual futures");
        output.WriteLine();
        output.WriteLine("commands:");
        foreach (var (name, summary) in Commands)
        {
            output.WriteLine($"  {name,-10} {summary}");
        }
    }
}
