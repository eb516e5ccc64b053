using System.Net;
using Rari.Actors.Settings;

namespace Rari.Dashboard.Settings;

/// <summary>The web console's settings (HOCON block <c>rari.dashboard</c>); the command line may override bind and port.</summary>
public sealed record DashboardSettings
{
    /// <summary>The defaults, as hocon/rari.conf documents them.</summary>
    public static DashboardSettings Default { get; } = new();

    /// <summary>Whether the trader serves the dashboard at all. Default true (<c>--no-dashboard</c> turns it off).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The address Kestrel listens on. Default 127.0.0.1 (this machine only); any other address needs a configured
    /// access token (<c>RARI_DASHBOARD_TOKEN</c>), or start-up is refused.
    /// </summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests). Default 8501, the original tool's.</summary>
    public int Port { get; init; } = 8501;

    /// <summary>How often the read model asks the risk gate, the gateway and the symbols for their state. Default 1 s.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many audit entries the activity feed keeps for a page that opens. Default 500.</summary>
    public int ActivitySize { get; init; } = 500;

    /// <summary>How many equity points the equity and drawdown charts keep (the oldest go first). Default 5000.</summary>
    public int EquityPoints { get; init; } = 5000;

    /// <summary>Every problem, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(Bind, out _) && !string.Equals(Bind, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"bind = {Bind}: must be an IP address such as 127.0.0.1 or 0.0.0.0, or localhost");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add($"port = {Port}: must be a TCP port from 1 to 65535 (0 picks a free one)");
        }

        if (RefreshInterval <= TimeSpan.Zero)
        {
            errors.Add($"refresh-interval = {ConfigText.Format(RefreshInterval)}: must be positive");
        }

        if (ActivitySize < 1)
        {
            errors.Add($"activity-size = {ActivitySize}: must be at least 1");
        }

        if (EquityPoints < 2)
        {
            errors.Add($"equity-points = {EquityPoints}: must be at least 2");
        }

        return errors;
    }

    /// <summary>True when <see cref="Bind"/> reaches only this machine.</summary>
    public bool IsLoopback =>
        string.Equals(Bind, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(Bind, out var address) && IPAddress.IsLoopback(address));
}
