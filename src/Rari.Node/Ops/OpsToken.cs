using System.Security.Cryptography;
using System.Text;

namespace Rari.Node.Ops;

/// <summary>
/// The ops endpoint's credential: a bearer token from <c>RARI_OPS_TOKEN</c>, or else one generated at the node's first
/// start into <c>state/ops-token</c>, readable by its owner only (0600), which a local <c>rari ops</c> reads by default.
/// </summary>
public static class OpsToken
{
    /// <summary>The environment variable that sets the token (the same on every node of a cluster, for containers).</summary>
    public const string Variable = "RARI_OPS_TOKEN";

    /// <summary>The token file's name in the node's state folder.</summary>
    public const string FileName = "ops-token";

    /// <summary>The node's token: the variable's, or the state folder's file, created with a random token when missing.</summary>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="stateDirectory">The node's state folder.</param>
    /// <param name="source">Where the token came from, for the banner (never the token itself).</param>
    public static string ForNode(Func<string, string?> environment, string stateDirectory, out string source)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } given)
        {
            source = Variable;
            return given.Trim();
        }

        var path = Path.GetFullPath(Path.Combine(stateDirectory, FileName));
        source = path;
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(stateDirectory);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(Encoding.ASCII.GetBytes(token));
        }

        return token;
    }

    /// <summary>The token a client uses: <c>--token</c>, else the variable, else the local node's file; null when none is found.</summary>
    public static string? ForClient(string? option, Func<string, string?> environment, string stateDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option.Trim();
        }

        if (environment(Variable) is { Length: > 0 } given)
        {
            return given.Trim();
        }

        var path = Path.Combine(stateDirectory, FileName);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }

    /// <summary>Compares a presented token with the node's in constant time.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
