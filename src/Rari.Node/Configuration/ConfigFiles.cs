using Rari.Actors.Settings;

namespace Rari.Node.Configuration;

/// <summary>Finds the reference configuration <c>hocon/rari.conf</c>: next to the executable (the build copies it there), or in the repository above.</summary>
public static class ConfigFiles
{
    /// <summary>The folder of the HOCON files, relative to the executable or the repository root.</summary>
    public const string Folder = "hocon";

    /// <summary>The path of <c>rari.conf</c>.</summary>
    /// <exception cref="FileNotFoundException">Neither next to the executable nor in a folder above it or above the working directory.</exception>
    public static string ReferencePath()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Folder, RariConfig.ReferenceFileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"{Folder}/{RariConfig.ReferenceFileName} was found neither next to rari ({AppContext.BaseDirectory}) nor in a folder above it or the working directory.");
    }
}
