using System.Text.RegularExpressions;
using Rari.Dashboard.Tests.Support;
using Rari.Node.Trading;
using Rari.TestKit;

namespace Rari.Dashboard.Tests.Browser;

/// <summary>
/// The real trader (<c>rari run grid --test</c>, the node's own <see cref="TraderRun"/>) running in this process against
/// its in-process simulator replaying recorded ETH and SOL data, with the dashboard on a free loopback port. Shared by
/// the browser specs; stopped (as Ctrl-C stops it) when they are done.
/// </summary>
public sealed partial class PaperTrader : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rari-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _outputSync;
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _run;
    private WebhookEndpoint _webhook = null!;

    /// <summary>A local webhook the trader's alerts go to (generic JSON).</summary>
    public WebhookEndpoint Webhook => _webhook;

    public PaperTrader() => _outputSync = TextWriter.Synchronized(_output);

    /// <summary>The URL the trader printed, with its token.</summary>
    public Uri UrlWithToken { get; private set; } = null!;

    /// <summary>The dashboard's address without the token.</summary>
    public Uri Address => new(UrlWithToken.GetLeftPart(UriPartial.Path));

    /// <summary>Where the trader writes its diagnostic log.</summary>
    public string LogDirectory => Path.Combine(_folder, "logs");

    /// <summary>What the trader printed so far.</summary>
    public string Output
    {
        get
        {
            // The synchronized writer locks itself while writing.
            lock (_outputSync)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _webhook = await WebhookEndpoint.StartAsync();
        string[] data =
        [
            SharedData.File("klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz"),
            SharedData.File("klines/binance-usdm/SOLUSDT-1m-20250504-20250624.csv.gz"),
        ];
        var arguments = new RunArguments(
            "grid", true, null, null, data, 1200, null, null, "15m", null, ["grid.spacing=0.004", "alerts.webhooks.spec.url-variable=RARI_SPEC_WEBHOOK_URL"],
            Path.Combine(_folder, "state"), LogDirectory, false, DashboardPort: 0);
        var errors = RunRequest.TryCreate(arguments, out var request);
        Assert.Empty(errors);

        // The token is generated (no RARI_DASHBOARD_TOKEN from the machine running the tests).
        var run = new TraderRun(request!, _outputSync, TextWriter.Synchronized(_error), name => name switch
        {
            "LOG_LEVEL" => "info",
            "RARI_DASHBOARD_TOKEN" => null,
            "RARI_SPEC_WEBHOOK_URL" => _webhook.Url("alerts").ToString(),
            _ => Environment.GetEnvironmentVariable(name),
        });
        _run = Task.Run(() => run.RunAsync(_stop.Token));

        var deadline = DateTime.UtcNow + StartTimeout;
        Match match;
        while (!(match = DashboardUrl().Match(Output)).Success)
        {
            if (_run.IsCompleted || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the trader printed no dashboard URL (exit {(_run.IsCompleted ? _run.Result : -1)}):\n{Output}\n{_error}");
            }

            await Task.Delay(200);
        }

        UrlWithToken = new Uri(match.Groups[1].Value);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(60));
        }

        await _webhook.DisposeAsync();

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the system.
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _outputSync.Dispose();
        _error.Dispose();
    }

    [GeneratedRegex(@"dashboard: (http://\S+\?token=\S+)")]
    private static partial Regex DashboardUrl();
}
