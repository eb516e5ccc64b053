using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Rari.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a real headless browser (Debian's chromium through Playwright) while the real trader trades the
/// simulator in this process: access with and without the token, live positions and activity, and the halt button
/// halting the risk gate (and alerting a local webhook). Screenshots go to artifacts/screenshots in the test output folder.
/// </summary>
[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]
public sealed class DashboardBrowserSpecs(PaperTrader trader, ITestOutputHelper output) : IClassFixture<PaperTrader>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Generous = (float)TimeSpan.FromSeconds(150).TotalMilliseconds;
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"], // root in a container has no user namespace sandbox
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    [Step(Number = 1)]
    public async Task Should_refuse_the_page_without_the_token()
    {
        // arrange
        var page = await _browser.NewPageAsync();

        // act
        var response = await page.GotoAsync(trader.Address.ToString());

        // assert
        Assert.NotNull(response);
        Assert.Equal(401, response.Status);
        Assert.Contains("needs its access token", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#positions").CountAsync()); // <-- no dashboard without the token
        await ScreenshotAsync(page, "1-refused-without-token");
    }

    [Fact]
    [Step(Number = 2)]
    public async Task Should_show_positions_and_the_activity_feed_updating_while_the_paper_run_trades()
    {
        // arrange
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });

        // act
        var response = await page.GotoAsync(trader.UrlWithToken.ToString());

        // assert: the token moved into a cookie and the page loaded
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#equity")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d[\d,]*\.\d\d$"), new() { Timeout = Generous });

        // a fill reaches the feed and a position appears, pushed while the trader runs
        await Assertions.Expect(page.Locator("#activity li .kind", new() { HasTextString = "Fill" }).First).ToBeVisibleAsync(new() { Timeout = Generous });
        await Assertions.Expect(page.Locator("#positions tbody tr").First).ToBeVisibleAsync(new() { Timeout = Generous });
        var before = await page.Locator("#activity li").CountAsync();
        await page.WaitForFunctionAsync($"n => document.querySelectorAll('#activity li').length > n", before, new() { Timeout = Generous, PollingInterval = 250 });
        var position = await page.Locator("#positions tbody tr").First.InnerTextAsync();
        Assert.Matches(@"^(ETHUSDT|SOLUSDT)\s+(LONG|SHORT)", position);

        // each grid is drawn around the live price with its resting rungs
        await Assertions.Expect(page.Locator("#grids table.ladder tr.price").First).ToBeVisibleAsync(new() { Timeout = Generous });
        await Assertions.Expect(page.Locator("#grids table.ladder .badge.Resting").First).ToBeVisibleAsync(new() { Timeout = Generous });

        // the cluster view lists what this node's shard region hosts
        await Assertions.Expect(page.Locator("#cluster tbody tr").First).ToContainTextAsync("ETHUSDT, SOLUSDT", new() { Timeout = Generous });

        // the filter keeps one symbol's lines
        await page.SelectOptionAsync("#activity-filter", "SOLUSDT");
        var symbols = await page.Locator("#activity li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.symbol)");
        Assert.All(symbols, s => Assert.Equal("SOLUSDT", s));
        await page.SelectOptionAsync("#activity-filter", string.Empty);
        await ScreenshotAsync(page, "2-trading");
    }

    [Fact]
    [Step(Number = 3)]
    public async Task Should_halt_the_risk_gate_from_the_halt_button_and_show_it()
    {
        // arrange
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });
        await page.GotoAsync(trader.UrlWithToken.ToString());
        await Assertions.Expect(page.Locator("#trading-state")).ToHaveTextAsync("Active", new() { Timeout = Generous });

        // act: halt all symbols, confirming in the dialog
        await page.ClickAsync("#halt");
        await page.FillAsync("#confirm-reason", "browser spec");
        await page.ClickAsync("#confirm-ok");

        // assert: the gate's answer, then its state, on the page
        await Assertions.Expect(page.Locator("#control-result")).ToContainTextAsync("halt all symbols: done — all trading set to Halted by hand: dashboard: browser spec", new() { Timeout = Generous });
        await Assertions.Expect(page.Locator("#trading-state")).ToHaveTextAsync("Halted", new() { Timeout = Generous }); // <--
        await Assertions.Expect(page.Locator("#restrictions li").First).ToContainTextAsync("all: Halted (Manual)", new() { Timeout = Generous });
        await ScreenshotAsync(page, "3-halted");

        // and the risk gate itself says so in the trader's log, and the alert went to the webhook
        await WaitForLogAsync("Trading state of all symbols is now \"Halted\": dashboard: browser spec");
        await trader.Webhook.WaitForAsync(
            w => w.Received.Any(r => r.Body.Contains("\"title\":\"Trading halted: all symbols\"", StringComparison.Ordinal) && r.Body.Contains("Manual: dashboard: browser spec", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60));
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine("screenshot: " + path);
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var log = string.Empty;
        while (!log.Contains(text, StringComparison.Ordinal))
        {
            var lines = new List<string>();
            foreach (var file in Directory.EnumerateFiles(trader.LogDirectory, "rari-*.log"))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                lines.Add(await reader.ReadToEndAsync());
            }

            log = string.Concat(lines);
            var halts = string.Join('\n', log.Split('\n').Where(l => l.Contains("Halted", StringComparison.Ordinal)).Take(5));
            Assert.True(DateTime.UtcNow < deadline, $"the trader's log never said '{text}'; its lines about halts:\n{halts}");
            await Task.Delay(250);
        }
    }
}
