using Rari.Actors.Ops;

namespace Rari.Node.Ops;

/// <summary>Reads the end of a node's newest diagnostic log (<c>logs/rari-YYYYMMDD.log</c>) while the node writes it.</summary>
public static class LogFiles
{
    /// <summary>The last <paramref name="lines"/> lines of the newest <c>rari-*.log</c> in <paramref name="logDirectory"/>.</summary>
    public static async Task<LogTail> TailAsync(string logDirectory, int lines, CancellationToken cancellationToken)
    {
        var newest = Directory.Exists(logDirectory)
            ? new DirectoryInfo(logDirectory).EnumerateFiles("rari-*.log").OrderByDescending(f => f.Name, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (newest is null)
        {
            return new LogTail(Path.GetFullPath(logDirectory), []);
        }

        // Serilog keeps the file open; share it for reading and writing.
        await using var stream = new FileStream(newest.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var tail = new Queue<string>(lines);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (tail.Count == lines)
            {
                tail.Dequeue();
            }

            tail.Enqueue(line);
        }

        return new LogTail(newest.FullName, [.. tail]);
    }
}
