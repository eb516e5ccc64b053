using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.TestKit;

namespace Rari.Dashboard.Tests.Support;

/// <summary>The repository's hocon/rari.conf, and the same with overrides.</summary>
internal static class ReferenceConfig
{
    public static Config Root { get; } = RariConfig.Load(Path.Combine(SharedData.RepositoryRoot, "hocon", RariConfig.ReferenceFileName));

    public static Config With(params string[] overrides) =>
        RariConfig.Compose(Root, null, overrides.Select(ConfigOverride.Parse).ToList());
}
