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
    public void Should_name_the_issue_that_brings_a_command_not_built_yet()
    {
        var (exitCode, _, error) = Run("node");

        Assert.Equal(2, exitCode);
        Assert.Contains("issue #9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unknown_command()
    {
        var (exitCode, _, error) = Run("trade-everything");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("trade-everything", error, StringComparison.Ordinal);
    }
}
