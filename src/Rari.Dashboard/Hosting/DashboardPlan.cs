using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Dashboard.Access;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.Settings;

namespace Rari.Dashboard.Hosting;

/// <summary>
/// The dashboard's checked start-up choices, made before the trader starts so that a bad setting stops start-up with
/// the others: the <c>rari.dashboard</c> and <c>rari.alerts</c> blocks with the command line's overrides, the token, the
/// webhooks' URLs from the environment, and the refusal to listen beyond this machine without a configured token.
/// </summary>
/// <param name="Settings">The dashboard's settings after overrides.</param>
/// <param name="Alerts">The alert settings.</param>
/// <param name="Access">The tokens.</param>
/// <param name="Webhooks">The webhooks with their URLs.</param>
public sealed record DashboardPlan(DashboardSettings Settings, AlertSettings Alerts, DashboardAccess Access, IReadOnlyList<WebhookTarget> Webhooks)
{
    /// <summary>
    /// Reads the plan from the composed configuration <paramref name="root"/> (which holds <c>rari.dashboard</c> and
    /// <c>rari.alerts</c>) and the command line's overrides.
    /// </summary>
    /// <param name="root">The composed configuration.</param>
    /// <param name="bind">--dashboard-bind, or null.</param>
    /// <param name="port">--dashboard-port, or null.</param>
    /// <param name="environment">Reads the token and the webhook URLs.</param>
    /// <param name="problems">One message per problem; the plan is null when there is any.</param>
    public static DashboardPlan? Create(Config root, string? bind, int? port, Func<string, string?> environment, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(environment);
        var list = new List<string>();
        var dashboardReader = new ConfigReader(root.GetConfig(DashboardSettingsLoader.Path), DashboardSettingsLoader.Path);
        var settings = DashboardSettingsLoader.Read(dashboardReader);
        var alertsReader = new ConfigReader(root.GetConfig(AlertSettingsLoader.Path), AlertSettingsLoader.Path);
        var alerts = AlertSettingsLoader.Read(alertsReader);
        list.AddRange(dashboardReader.Problems.Select(p => p.ToString()));
        list.AddRange(alertsReader.Problems.Select(p => p.ToString()));

        settings = settings with { Bind = bind ?? settings.Bind, Port = port ?? settings.Port };
        if (bind is not null || port is not null)
        {
            list.AddRange(settings.Validate().Select(m => "--dashboard-" + m));
        }

        var access = DashboardAccess.Resolve(environment, out var tokenProblem);
        if (tokenProblem is not null)
        {
            list.Add(tokenProblem);
        }

        if (settings.Enabled && !settings.IsLoopback && !access.IsConfigured)
        {
            list.Add($"the dashboard would listen on {settings.Bind}, beyond this machine, without a configured token: set {DashboardAccess.TokenVariable} (at least {DashboardAccess.MinTokenLength} characters), bind to 127.0.0.1, or start with --no-dashboard.");
        }

        var webhooks = new List<WebhookTarget>();
        foreach (var webhook in alerts.Webhooks)
        {
            var url = environment(webhook.UrlVariable)?.Trim();
            if (string.IsNullOrEmpty(url))
            {
                list.Add($"{AlertSettingsLoader.Path}.webhooks.{webhook.Name}: the environment variable {webhook.UrlVariable} is not set; export the webhook's URL there, or remove the webhook.");
            }
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                list.Add($"{AlertSettingsLoader.Path}.webhooks.{webhook.Name}: {webhook.UrlVariable} does not hold an http(s) URL.");
            }
            else
            {
                webhooks.Add(new WebhookTarget(webhook, uri));
            }
        }

        problems = list;
        return list.Count > 0 ? null : new DashboardPlan(settings, alerts, access, webhooks);
    }
}
