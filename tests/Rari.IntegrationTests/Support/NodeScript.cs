using System.Diagnostics;
using System.Text;

namespace Rari.IntegrationTests.Support;

/// <summary>
/// Runs the third-party clients' node scripts: installs their locked dependencies (<c>npm ci</c>) when
/// <c>node_modules</c> is missing, then runs a script with environment variables. A missing node or npm fails the
/// test with a message saying so: it must never pass by skipping.
/// </summary>
internal static class NodeScript
{
    /// <summary>Installs the folder's locked dependencies unless they are installed already.</summary>
    public static async Task EnsureInstalledAsync(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            return;
        }

        var (exitCode, output) = await RunAsync(folder, "npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"npm ci in {folder} failed with exit code {exitCode}:\n{output}");
    }

    /// <summary>Runs <c>node SCRIPT</c> in <paramref name="folder"/>; returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunNodeAsync(string folder, string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(folder, "node", [script], environment, timeout);

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string folder, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Fail($"'{program}' could not be started ({missing.Message}): install Node.js 20 or later with npm; the ccxt conformance test needs it.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"{program} timed out after {timeout}:\n{Text(output)}");
        }

        return (process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
