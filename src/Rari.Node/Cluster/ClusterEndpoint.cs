using System.Globalization;
using Akka.Configuration;

namespace Rari.Node.Cluster;

/// <summary>
/// Where a <c>rari node</c> listens and whom it joins: its bind host and port, the host other nodes reach it by, the seed
/// nodes and its roles. Each value comes from the command line, else the environment (for containers:
/// <c>RARI_HOST</c>, <c>RARI_PORT</c>, <c>RARI_PUBLIC_HOST</c>, <c>RARI_SEEDS</c>, <c>RARI_ROLES</c>), else stays as
/// HOCON has it (<c>hocon/cluster.conf</c> or a <c>--config</c> file).
/// </summary>
/// <remarks>Akka's HOCON cannot read environment variables (akka.net #4278), so the host turns them into HOCON here.</remarks>
/// <param name="Host">The address to bind, or null for HOCON's.</param>
/// <param name="Port">The port to bind (0 for any), or null for HOCON's.</param>
/// <param name="PublicHost">The host name other nodes use to reach this one (a container's service name), or null.</param>
/// <param name="Seeds">The seed nodes' addresses, or null for HOCON's.</param>
/// <param name="Roles">The node's roles, or null for HOCON's.</param>
public sealed record ClusterEndpoint(string? Host, int? Port, string? PublicHost, IReadOnlyList<string>? Seeds, IReadOnlyList<string>? Roles)
{
    /// <summary>The actor system's name: every node of one cluster has it, and seed addresses name it.</summary>
    public const string SystemName = Trading.TraderHost.SystemName;

    /// <summary>The environment variable of the bind host.</summary>
    public const string HostVariable = "RARI_HOST";

    /// <summary>The environment variable of the port.</summary>
    public const string PortVariable = "RARI_PORT";

    /// <summary>The environment variable of the public host name.</summary>
    public const string PublicHostVariable = "RARI_PUBLIC_HOST";

    /// <summary>The environment variable of the seed nodes (comma-separated).</summary>
    public const string SeedsVariable = "RARI_SEEDS";

    /// <summary>The environment variable of the roles (comma-separated).</summary>
    public const string RolesVariable = "RARI_ROLES";

    /// <summary>
    /// Reads the endpoint: each command-line value over its environment variable. A seed may be given in full
    /// (<c>akka.tcp://rari@10.0.0.5:4053</c>) or as <c>host:port</c>.
    /// </summary>
    /// <param name="host">--host.</param>
    /// <param name="port">--port.</param>
    /// <param name="publicHost">--public-host.</param>
    /// <param name="seeds">--seeds.</param>
    /// <param name="roles">--roles.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="errors">Where each problem goes, naming the option or variable and what would be valid.</param>
    public static ClusterEndpoint Read(
        string? host, int? port, string? publicHost, string? seeds, string? roles, Func<string, string?> environment, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(errors);
        host = Pick(host, environment(HostVariable));
        publicHost = Pick(publicHost, environment(PublicHostVariable));
        if (port is null && Pick(null, environment(PortVariable)) is { } portText)
        {
            if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                port = parsed;
            }
            else
            {
                errors.Add($"{PortVariable} '{portText}' is not a port number (0-65535).");
            }
        }

        if (port is < 0 or > 65535)
        {
            errors.Add($"the cluster port {port} is not 0-65535 (--port or {PortVariable}; 0 picks a free one).");
        }

        var seedList = List(Pick(seeds, environment(SeedsVariable)));
        var checkedSeeds = seedList?.Select(s => Seed(s, errors)).ToList();
        var roleList = List(Pick(roles, environment(RolesVariable)));
        return new ClusterEndpoint(host, port, publicHost, checkedSeeds, roleList);
    }

    /// <summary>The HOCON of what was given, to put over the composed configuration; empty when nothing was.</summary>
    public Config ToHocon()
    {
        var lines = new List<string>();
        if (Host is not null)
        {
            lines.Add($"akka.remote.dot-netty.tcp.hostname = {Quote(Host)}");
        }

        if (Port is { } port)
        {
            lines.Add($"akka.remote.dot-netty.tcp.port = {port.ToString(CultureInfo.InvariantCulture)}");
        }

        if (PublicHost is not null)
        {
            lines.Add($"akka.remote.dot-netty.tcp.public-hostname = {Quote(PublicHost)}");
        }

        if (Seeds is not null)
        {
            lines.Add($"akka.cluster.seed-nodes = [{string.Join(", ", Seeds.Select(Quote))}]");
        }

        if (Roles is not null)
        {
            lines.Add($"akka.cluster.roles = [{string.Join(", ", Roles.Select(Quote))}]");
        }

        return lines.Count == 0 ? Config.Empty : ConfigurationFactory.ParseString(string.Join('\n', lines));
    }

    private static string? Pick(string? argument, string? variable) =>
        !string.IsNullOrWhiteSpace(argument) ? argument.Trim() : !string.IsNullOrWhiteSpace(variable) ? variable.Trim() : null;

    private static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Seed(string text, ICollection<string> errors)
    {
        var full = text.Contains("://", StringComparison.Ordinal) ? text : $"akka.tcp://{SystemName}@{text}";
        var ok = Uri.TryCreate(full, UriKind.Absolute, out var uri) && uri.Scheme == "akka.tcp" && uri.UserInfo == SystemName && uri.Port > 0;
        if (!ok)
        {
            errors.Add($"the seed node '{text}' is not host:port or akka.tcp://{SystemName}@host:port (--seeds or {SeedsVariable}).");
        }

        return full;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
