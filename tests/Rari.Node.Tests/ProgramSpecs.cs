namespace Rari.Node.Tests;

[Collection(ConsoleTests.Name)]
public sealed class ProgramSpecs
{
    private static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (Program.Main(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void Should_list_every_command_when_asked_for_help()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "run", "backtest", "sim", "check", "node", "ops" })
        {
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_name_the_issue_that_brings_a_command_not_built_yet()
    {
        var (exitCode, _, error) = Run("run", "hybrid", "--test");

        Assert.Equal(2, exitCode);
        Assert.Contains("issue #6", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unknown_command_and_point_to_help()
    {
        var (exitCode, _, error) = Run("trade-everything");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'trade-everything'", error, StringComparison.Ordinal);
        Assert.Contains("rari --help", error, StringComparison.Ordinal);
    }
}

/// <summary>Tests that redirect the process-wide console must not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTests
{
    public const string Name = "console";
}
