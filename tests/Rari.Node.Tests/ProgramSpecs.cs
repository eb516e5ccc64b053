using System.CommandLine;

namespace Rari.Node.Tests;

public sealed class ProgramSpecs
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = Program.BuildRootCommand().Parse(args).Invoke(configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Should_list_every_command_when_asked_for_help()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "run", "backtest", "scan", "sim", "check", "node", "ops" })
        {
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_explain_every_bad_cluster_argument_of_node_at_once()
    {
        var (exitCode, _, error) = Run("node", "grid", "--seeds", "not a seed", "--port", "70000", "--ops-host", "everywhere");

        Assert.Equal(2, exitCode);
        Assert.Contains("the seed node 'not a seed' is not host:port", error, StringComparison.Ordinal);
        Assert.Contains("the cluster port 70000 is not 0-65535", error, StringComparison.Ordinal);
        Assert.Contains("--ops-host 'everywhere' is not an IP address", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unknown_command()
    {
        var (exitCode, _, error) = Run("trade-everything");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("trade-everything", error, StringComparison.Ordinal);
    }
}
