namespace Rari.TestKit;

/// <summary>
/// Finds the recorded market data in <c>../shared/data</c> (beside the repository clone), so tests and
/// benchmarks read the same real files on a developer machine and in CI.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Absolute path of <c>shared/data</c>.</summary>
    public static string Directory => Root.Value;

    /// <summary>Absolute path of a file under <c>shared/data</c>, e.g. <c>klines/binance-usdm/BTCUSDT-1m-20230718-20230817.csv.gz</c>.</summary>
    public static string File(string relativePath)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Recorded data file '{relativePath}' is missing from {Directory}.", path);
        }

        return path;
    }

    /// <summary>Absolute path of the <c>shared/</c> folder itself (fact sheets, signing vectors).</summary>
    public static string SharedRoot => Path.GetDirectoryName(Directory)!;

    /// <summary>Absolute path of the repository root (the folder holding Rari.Actors.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Rari.Actors.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No Rari.Actors.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("RARI_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        if (System.IO.Directory.Exists(candidate))
        {
            return candidate;
        }

        throw new DirectoryNotFoundException(
            $"Recorded market data not found at {candidate}. Place the shared/ folder beside the repository clone " +
            "or set RARI_SHARED_DATA to its data/ folder.");
    }
}
