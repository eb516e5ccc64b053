using Rari.IntegrationTests.Support;
using Rari.TestKit;

namespace Rari.IntegrationTests.Sim;

/// <summary>
/// ccxt 4.5.84, an independent third-party Aster client, trades a full lifecycle against the real <c>rari sim</c>
/// process: exchange info, balance, leverage, klines, book, limit and market orders, cancels, fills from the replay,
/// positions, and the market and user streams (<c>ccxt/lifecycle.mjs</c>).
/// </summary>
public sealed class CcxtConformanceSpecs
{
    /// <summary>ccxt's throwaway key from the signing vectors; its address is the V3 user below.</summary>
    private const string PrivateKey = "0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string User = "0xfcad0b19bb29d4674531d6f115237e16afce377c";

    [Fact]
    public async Task Should_complete_the_ccxt_lifecycle_against_rari_sim()
    {
        // arrange
        var folder = Path.Combine(SharedData.RepositoryRoot, "tests", "Rari.IntegrationTests", "ccxt");
        await NodeScript.EnsureInstalledAsync(folder);
        var accounts = Path.Combine(Path.GetTempPath(), $"rari-ccxt-accounts-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(accounts, $$$"""{"accounts":[{"name":"ccxt","balance":"10000","v3":{"user":"{{{User}}}"}}]}""");
        await using var sim = await RariProcess.StartSimAsync("--port", RariProcess.FreePort().ToString(), "--manual", "--accounts", accounts);

        // act
        var (exitCode, output) = await NodeScript.RunNodeAsync(
            folder,
            "lifecycle.mjs",
            new Dictionary<string, string> { ["SIM_URL"] = sim.BaseAddress!.ToString().TrimEnd('/'), ["PRIVATE_KEY"] = PrivateKey },
            TimeSpan.FromMinutes(3));
        var stopped = await sim.StopAsync();

        // assert
        var story = $"--- lifecycle.mjs (exit {exitCode}) ---\n{output}\n--- rari sim (exit {stopped}) ---\n{sim.Output}";
        Assert.True(exitCode == 0 && output.Contains("lifecycle complete", StringComparison.Ordinal), story);
        Assert.True(stopped == 0 && sim.Output.Contains("rari sim: stopped", StringComparison.Ordinal), story);
    }
}
