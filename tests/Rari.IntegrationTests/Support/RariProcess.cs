using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rari.IntegrationTests.Support;

/// <summary>
/// The real <c>rari</c> executable run as a child process (<c>dotnet rari.dll …</c>, the build copied next to the
/// tests), its output collected for failure messages.
/// </summary>
internal sealed class RariProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RariProcess(Process process) => _process = process;

    /// <summary>Everything the process printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The simulator's REST base address, e.g. <c>http://127.0.0.1:5080</c>, once it listens.</summary>
    public Uri? BaseAddress { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The rari build beside the tests.</summary>
    public static string RariDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "rari.dll");
            Assert.True(File.Exists(path), $"rari.dll is missing from {AppContext.BaseDirectory}; build Rari.IntegrationTests (it references Rari.Node).");
            return path;
        }
    }

    /// <summary>A TCP port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>rari</c> with <paramref name="arguments"/> to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var rari = Start(arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await rari._process.WaitForExitAsync(timeout.Token);
        return (rari.ExitCode, rari.Output);
    }

    /// <summary>Starts <c>rari sim</c> and waits until it listens.</summary>
    public static async Task<RariProcess> StartSimAsync(params string[] arguments)
    {
        var rari = Start(["sim", .. arguments]);
        var exited = rari._process.WaitForExitAsync();
        var started = await Task.WhenAny(rari._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != rari._listening.Task)
        {
            var output = rari.Output;
            await rari.DisposeAsync();
            Assert.Fail($"rari sim did not start listening:\n{output}");
        }

        rari.BaseAddress = new Uri(await rari._listening.Task);
        return rari;
    }

    /// <summary>Asks the process to stop as Ctrl-C or a service manager would (SIGTERM), and waits for it.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            if (OperatingSystem.IsWindows())
            {
                _process.Kill(entireProcessTree: true);
            }
            else
            {
                // There is no managed SIGTERM; the kill utility sends it, as a service manager would.
                using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Starts <c>rari</c> with <paramref name="arguments"/> and extra environment variables, in <paramref name="workingDirectory"/>.</summary>
    public static RariProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null) =>
        Launch(arguments, environment, workingDirectory);

    /// <summary>Waits for the process to end by itself; its exit code, or -1 (after killing it) when the time is up.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return -1;
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown hook runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; false when the time is up or the process ended first.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static RariProcess Start(IEnumerable<string> arguments) => Launch(arguments, new Dictionary<string, string>(), null);

    private static RariProcess Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(RariDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var rari = new RariProcess(process);
        process.OutputDataReceived += (_, e) => rari.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => rari.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return rari;
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Listening = "rari sim: listening on ";
        if (line.StartsWith(Listening, StringComparison.Ordinal))
        {
            _listening.TrySetResult(line[Listening.Length..].Trim());
        }
    }
}
