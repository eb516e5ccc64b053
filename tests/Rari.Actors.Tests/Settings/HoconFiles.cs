using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.TestKit;

namespace Rari.Actors.Tests.Settings;

/// <summary>The repository's HOCON files and helpers to compose test configurations over them.</summary>
internal static class HoconFiles
{
    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "hocon");

    public static string ReferencePath => Path.Combine(Folder, RariConfig.ReferenceFileName);

    public static Config Reference { get; } = RariConfig.Load(ReferencePath);

    /// <summary>The reference file with <c>--set</c> overrides applied.</summary>
    public static Config With(params string[] overrides) =>
        RariConfig.Compose(Reference, null, overrides.Select(ConfigOverride.Parse).ToList());

    /// <summary>Loads every block and returns the problems (empty when the configuration is valid).</summary>
    public static IReadOnlyList<string> Problems(Config root)
    {
        try
        {
            RariSettingsLoader.Create(root);
            return [];
        }
        catch (SettingsException e)
        {
            return e.Problems.Select(p => p.ToString()).ToList();
        }
    }
}
