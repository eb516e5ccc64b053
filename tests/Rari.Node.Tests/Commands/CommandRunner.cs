using System.CommandLine;

namespace Rari.Node.Tests.Commands;

/// <summary>Runs the <c>rari</c> command tree in-process and captures what it prints.</summary>
internal static class CommandRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = Program.BuildRootCommand().Parse(args).Invoke(configuration);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A fresh folder under the system temp folder, deleted by the caller.</summary>
    public static string TempFolder() => Directory.CreateTempSubdirectory("rari-node-tests-").FullName;
}
