using System.Net;

namespace Rari.Node.Ops;

/// <summary>Where a node's ops endpoint listens: loopback by default, so only someone on the machine can reach it.</summary>
/// <param name="Host">The address to bind.</param>
/// <param name="Port">The port (0 picks a free one, printed at start).</param>
public sealed record OpsEndpointOptions(string Host, int Port)
{
    /// <summary>The address bound by default: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The port used by default.</summary>
    public const int DefaultPort = 9110;

    /// <summary>Reads <c>--no-ops</c>, <c>--ops-host</c>, <c>--ops-port</c>; null when the endpoint is off.</summary>
    public static OpsEndpointOptions? Read(bool off, string? host, int? port, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (off)
        {
            return null;
        }

        host = string.IsNullOrWhiteSpace(host) ? DefaultHost : host.Trim();
        if (host != "localhost" && !IPAddress.TryParse(host, out _))
        {
            errors.Add($"--ops-host '{host}' is not an IP address such as 127.0.0.1 (or 0.0.0.0 for every interface).");
        }

        if (port is < 0 or > 65535)
        {
            errors.Add($"--ops-port {port} is not 0-65535.");
        }

        return new OpsEndpointOptions(host, port ?? DefaultPort);
    }
}
