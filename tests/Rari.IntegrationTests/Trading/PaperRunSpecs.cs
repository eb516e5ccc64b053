using System.Text.Json;
using Rari.IntegrationTests.Support;
using Rari.TestKit;

namespace Rari.IntegrationTests.Trading;

/// <summary>
/// An end-to-end paper run: <c>rari run hybrid --test</c> as a real process, its in-process simulator replaying real
/// recorded data from ../shared/data, trades through the real client; the run must place and fill orders, every order
/// step must reach the audit trail, no order may be refused by the venue's filters, and nothing may fail.
/// </summary>
public sealed partial class PaperRunSpecs : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rari-paper-" + Guid.NewGuid().ToString("N")[..8]);

    public PaperRunSpecs() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the system.
        }
    }

    [Fact]
    public async Task Should_trade_recorded_data_through_the_real_client_with_every_step_audited()
    {
        // arrange
        string[] data =
        [
            SharedData.File("klines/binance-usdm/ETHUSDT-1m-20250504-20250624.csv.gz"),
            SharedData.File("klines/binance-usdm/SOLUSDT-1m-20250504-20250624.csv.gz"),
        ];
        string[] arguments = ["run", "hybrid", "--test", "--data", .. data, "--speed", "1200", "--duration", "50s", "--state", "state", "--logs", "logs", "--no-dashboard", "--set", "grid.spacing=0.004"];

        // act
        await using var trader = RariProcess.Start(arguments, new Dictionary<string, string> { ["LOG_LEVEL"] = "info" }, _folder);
        var exit = await trader.WaitForExitAsync(TimeSpan.FromSeconds(180));

        // assert
        var output = trader.Output;
        Assert.True(exit == 0, $"rari run exited with {exit}:\n{output}");
        Assert.Contains("Submission ", output, StringComparison.Ordinal);
        Assert.Contains("Fill ", output, StringComparison.Ordinal); // <-- orders placed and filled
        Assert.DoesNotContain("[ERR]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[FTL]", output, StringComparison.Ordinal);

        var audit = await AuditAsync(Path.Combine(_folder, "logs"));
        foreach (var kind in new[] { "Intent", "Verdict", "Submission", "Response", "Fill" })
        {
            Assert.True(audit.Any(e => e.Kind == kind), $"no {kind} entry in the audit trail");
        }

        var submitted = audit.Where(e => e.Kind == "Submission").Select(e => e.ClientOrderId).ToList();
        Assert.Equal(submitted.Count, submitted.Distinct().Count()); // each client order id submitted once
        // Filter violations are Aster's -1111 (precision), -1013 and -4xxx codes (price, quantity, notional filters).
        var refusedByFilters = audit.Where(e => e.Kind == "Response" && FilterRejection().IsMatch(e.Detail)).ToList();
        Assert.True(refusedByFilters.Count == 0, "orders refused by the venue's filters: " + string.Join("; ", refusedByFilters.Select(e => e.Detail)));
    }

    private static async Task<IReadOnlyList<AuditLine>> AuditAsync(string folder)
    {
        var lines = new List<AuditLine>();
        foreach (var file in Directory.EnumerateFiles(folder, "audit-*.jsonl"))
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                lines.Add(new AuditLine(root.GetProperty("Kind").GetString()!, root.GetProperty("ClientOrderId").GetString()!, root.GetProperty("Detail").GetString()!));
            }
        }

        return lines;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^rejected \((-1111|-1013|-4\d{3})\)")]
    private static partial System.Text.RegularExpressions.Regex FilterRejection();

    private sealed record AuditLine(string Kind, string ClientOrderId, string Detail);
}
