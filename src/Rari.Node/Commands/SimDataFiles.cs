namespace Rari.Node.Commands;

/// <summary>
/// Finds the recorded 1-minute kline files <c>rari sim</c> replays: the files and folders given with <c>--data</c>,
/// or the sample bundled with rari (the repository's <c>data/</c> folder, copied next to the executable at build
/// time).
/// </summary>
public static class SimDataFiles
{
    /// <summary>The file name pattern of a recorded kline file, e.g. <c>BTCUSDT-1m-20250506-20250510.csv.gz</c>.</summary>
    public const string Pattern = "*-1m-*.csv*";

    /// <summary>
    /// The kline files of <paramref name="paths"/> (a folder stands for the matching files in it), in name order;
    /// without paths, those of the bundled sample.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist, a folder holds no kline file, or the bundled sample is missing.</exception>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            var bundled = FindBundledFolder() ?? throw new FileNotFoundException(
                $"The bundled sample data (a 'data' folder with {Pattern} files) was not found next to rari ({AppContext.BaseDirectory}) or above it; give the data with --data FILE_OR_DIR.");
            return KlineFilesIn(bundled);
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var found = KlineFilesIn(path);
                if (found.Count == 0)
                {
                    throw new FileNotFoundException($"--data {path}: the folder holds no recorded kline files ({Pattern}, e.g. BTCUSDT-1m-20250506-20250510.csv.gz).");
                }

                files.AddRange(found);
            }
            else
            {
                throw new FileNotFoundException($"--data {path}: no such file or folder.", path);
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The bundled sample's folder: <c>data/</c> next to the executable (an installation), else the nearest
    /// <c>data/</c> above it holding kline files (a build inside the repository); null when there is none.
    /// </summary>
    public static string? FindBundledFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (Directory.Exists(candidate) && KlineFilesIn(candidate).Count > 0)
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<string> KlineFilesIn(string folder) =>
        Directory.GetFiles(folder, Pattern)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
}
