using Rari.Dashboard.Access;
using Rari.Dashboard.Hosting;
using Rari.Dashboard.Settings;
using Rari.Dashboard.Tests.Support;

namespace Rari.Dashboard.Tests.Hosting;

public sealed class DashboardPlanSpecs
{
    private const string Token = "a-long-enough-dashboard-token";

    [Fact]
    public void Should_generate_a_token_and_listen_on_loopback_8501_by_default()
    {
        // act
        var plan = DashboardPlan.Create(ReferenceConfig.Root, null, null, _ => null, out var problems);

        // assert
        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.Equal("127.0.0.1", plan.Settings.Bind);
        Assert.Equal(8501, plan.Settings.Port);
        Assert.False(plan.Access.IsConfigured);
        Assert.True(plan.Access.Token.Length >= DashboardAccess.MinTokenLength);
        Assert.NotEqual(plan.Access.Token, DashboardPlan.Create(ReferenceConfig.Root, null, null, _ => null, out _)!.Access.Token); // fresh each start
    }

    [Fact]
    public void Should_refuse_a_non_loopback_address_without_a_configured_token()
    {
        // act
        var plan = DashboardPlan.Create(ReferenceConfig.Root, "0.0.0.0", null, _ => null, out var problems);

        // assert
        Assert.Null(plan);
        var problem = Assert.Single(problems);
        Assert.StartsWith("the dashboard would listen on 0.0.0.0, beyond this machine, without a configured token: set RARI_DASHBOARD_TOKEN", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_listen_beyond_loopback_with_a_token_from_the_environment()
    {
        // act
        var plan = DashboardPlan.Create(ReferenceConfig.Root, "0.0.0.0", 9100, Env(("RARI_DASHBOARD_TOKEN", Token)), out var problems);

        // assert
        Assert.Empty(problems);
        Assert.NotNull(plan);
        Assert.True(plan.Access.IsConfigured);
        Assert.Equal(Token, plan.Access.Token);
        Assert.Equal(9100, plan.Settings.Port);
    }

    [Fact]
    public void Should_refuse_a_short_token_and_a_bad_port_on_the_command_line()
    {
        // act
        var plan = DashboardPlan.Create(ReferenceConfig.Root, null, 70000, Env(("RARI_DASHBOARD_TOKEN", "short")), out var problems);

        // assert
        Assert.Null(plan);
        Assert.Contains(problems, p => p.StartsWith("RARI_DASHBOARD_TOKEN holds 5 characters; give the dashboard a token of at least 16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--dashboard-port = 70000: must be a TCP port", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_webhook_urls_from_the_variables_the_settings_name_and_refuse_a_missing_one()
    {
        // arrange
        var config = ReferenceConfig.With("alerts.webhooks.ops.format=discord", "alerts.webhooks.ops.url-variable=OPS_URL", "alerts.webhooks.log.url-variable=LOG_URL");

        // act
        var missing = DashboardPlan.Create(config, null, null, Env(("OPS_URL", "https://discord.example/api/webhooks/1/secret")), out var problems);
        var complete = DashboardPlan.Create(config, null, null, Env(("OPS_URL", "https://discord.example/api/webhooks/1/secret"), ("LOG_URL", "http://127.0.0.1:9/alerts")), out var none);

        // assert
        Assert.Null(missing);
        Assert.Equal("rari.alerts.webhooks.log: the environment variable LOG_URL is not set; export the webhook's URL there, or remove the webhook.", Assert.Single(problems));
        Assert.Empty(none);
        Assert.Equal([WebhookFormat.Generic, WebhookFormat.Discord], complete!.Webhooks.Select(w => w.Settings.Format));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
