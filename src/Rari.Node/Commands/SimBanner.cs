using System.Globalization;
using System.Text;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Json;
using Rari.Aster.Sim.Replay;

namespace Rari.Node.Commands;

/// <summary>
/// What <c>rari sim</c> prints once it listens: the REST, WebSocket and admin addresses, the market it replays, the
/// clock, and the accounts; for the demo account its throwaway credentials (a local simulator's demo keys, printed
/// on purpose: they exist only for this run).
/// </summary>
public static class SimBanner
{
    /// <summary>The first line, which tools starting <c>rari sim</c> wait for: <c>rari sim: listening on URL</c>.</summary>
    public const string ListeningPrefix = "rari sim: listening on ";

    /// <summary>The whole banner, one item per line.</summary>
    public static string Describe(SimServer server, SimOptions options)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        var rest = server.BaseAddress.ToString().TrimEnd('/');
        var ws = server.StreamAddress.ToString().TrimEnd('/');
        var replay = server.Replay;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        Line(ListeningPrefix + rest);
        Line($"  REST       {rest}/fapi/v1/… (V1, HMAC)   {rest}/fapi/v3/… (V3, EIP-712, chain id {options.ChainId.ToString(CultureInfo.InvariantCulture)})");
        Line($"  WebSocket  {ws}/ws/<stream or listenKey>   {ws}/stream?streams=…   (ccxt: {ws}/fstream/stream, {ws}/fstream/ws)");
        Line($"  Admin      {rest}/_sim/clock   {rest}/_sim/orders   {rest}/_sim/requests   {rest}/_sim/faults");
        var symbols = string.Join(' ', replay.Symbols.Select(s => s.Symbol.Value));
        if (server.Live is { } live)
        {
            Line($"  Market     {symbols}: PAPER TRADING ON LIVE PRICES from {live.Upstream} (its rules, {replay.MinuteCount.ToString(CultureInfo.InvariantCulture)} minutes of history from {Utc(replay.DataStartMs)} UTC, then its streams)");
            Line("  Clock      the upstream's event time; the market is silent while the upstream is unreachable");
        }
        else
        {
            Line($"  Market     {symbols}, {Utc(replay.DataStartMs)} → {Utc(replay.DataEndMs)} UTC, {replay.MinuteCount.ToString(CultureInfo.InvariantCulture)} minutes");
            Line($"  Clock      {Clock(options)}");
        }

        if (server.DemoCredentials is { } demo)
        {
            Line($"  Account    '{demo.Account.Name}', {AsterNumber.Plain(demo.Account.Balance)} USDT (no --accounts given: throwaway demo keys for this run only)");
            Line($"    V1 API key      {demo.V1.ApiKey}");
            Line($"    V1 API secret   {demo.V1.ApiSecret}");
            Line($"    V3 private key  {demo.PrivateKeyHex}");
            Line($"    V3 address      {demo.User} (user and signer)");
        }
        else
        {
            foreach (var account in server.Accounts.All)
            {
                var access = string.Join(", ", new[] { account.V1 is null ? null : "V1", account.V3User is { } user ? $"V3 {user}" : null }.OfType<string>());
                Line($"  Account    '{account.Name}', {AsterNumber.Plain(account.Balance)} USDT ({access})");
            }
        }

        Line("Press Ctrl-C to stop.");
        return text.ToString();
    }

    private static string Clock(SimOptions options) => options.ReplayMode switch
    {
        ReplayMode.Manual => "manual: POST /_sim/clock/step?bars=N replays N minutes",
        ReplayMode.AsFastAsPossible => "fast: bar after bar, as fast as the subscribers keep up",
        _ => string.Create(CultureInfo.InvariantCulture, $"paced at {options.Speed}× real time"),
    };

    private static string Utc(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
