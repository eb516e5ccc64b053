using System.Diagnostics;

namespace Rari.Node.Benchmarks;

/// <summary>
/// The process's peak resident set (working set) over one stretch of work. On Linux the kernel's high-water mark
/// (<c>VmHWM</c>) is reset at the start through <c>/proc/self/clear_refs</c>, so the peak belongs to that stretch alone
/// (plus what was resident before it); elsewhere it is the process's peak so far.
/// </summary>
internal static class PeakMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";

    /// <summary>Collects garbage and resets the peak; returns the resident set now, in bytes.</summary>
    public static long Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (File.Exists(ClearRefs))
        {
            try
            {
                // "5" resets the peak resident set size to the current one (Linux 4.0+).
                File.WriteAllText(ClearRefs, "5");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Without it the figure is the process's peak so far: larger, never smaller.
            }
        }

        return Environment.WorkingSet;
    }

    /// <summary>The peak resident set since the last <see cref="Reset"/> (or since start), in bytes.</summary>
    public static long Peak()
    {
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
