using System.Runtime.InteropServices;
using System.Text.Json;
using Rari.Backtest.Output;

namespace Rari.Node.Benchmarks;

/// <summary>Prints the benchmark table and writes the JSON (machine, command, one object per figure).</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The table: what, measured, target, met, then one line of detail per figure.</summary>
    public static void Print(TextWriter output, IReadOnlyList<BenchFigure> figures)
    {
        var table = new TextTable("what", "measured", "target", "met?");
        foreach (var figure in figures)
        {
            table.Add(figure.Name, figure.Measured, figure.Target, Met(figure.Met));
        }

        output.Write(table.ToString());
        output.WriteLine();
        foreach (var figure in figures)
        {
            output.WriteLine($"- {figure.Name}: {figure.Detail}");
        }
    }

    /// <summary>Writes the figures and the machine description as JSON to <paramref name="path"/>.</summary>
    public static void WriteJson(string path, BenchOptions options, IReadOnlyList<BenchFigure> figures, DateTime startedUtc, TimeSpan elapsed, string startMachine)
    {
        var document = new
        {
            command = "rari bench" + (options.Quick ? " --quick" : string.Empty),
            startedUtc = startedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            elapsedSeconds = Math.Round(elapsed.TotalSeconds, 1),
            quick = options.Quick,
            machine = Machine(),
            machineAtStart = startMachine,
            figures = figures.Select(f => new { name = f.Name, measured = f.Measured, target = f.Target, met = f.Met, detail = f.Detail, values = f.Values }),
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(document, Indented));
    }

    /// <summary>The machine in one line: cores, CPU model, memory, OS and .NET version.</summary>
    public static string MachineLine()
    {
        var machine = Machine();
        return $"{machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.#} GiB, {machine.Os}, .NET {machine.Runtime}, load average {machine.LoadAverage}";
    }

    /// <summary>The 1, 5 and 15-minute load averages (Linux), or "unknown".</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Met(bool? met) => met switch
    {
        true => "yes",
        false => "no",
        null => "-",
    };

    private static MachineDescription Machine()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    break;
                }
            }
        }

        // Other work on the machine skews every figure; the 1, 5 and 15-minute load averages say how much there was.
        var load = LoadAverage();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineDescription(Environment.ProcessorCount, cpu, Math.Round(memory, 1), RuntimeInformation.OSDescription, Environment.Version.ToString(), load);
    }

    private sealed record MachineDescription(int Cores, string Cpu, double MemoryGiB, string Os, string Runtime, string LoadAverage);
}
