using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies.Sizing;
using Rari.Node.Commands;

namespace Rari.Node.Trading;

/// <summary>The raw values of <c>rari run</c>'s arguments, before checking.</summary>
/// <param name="Mode">grid, volatility or hybrid.</param>
/// <param name="Test">Whether to trade the simulator instead of Aster.</param>
/// <param name="Venue">A running simulator's URL (test mode), or null to start one in-process.</param>
/// <param name="Market">replay (default) or live.</param>
/// <param name="Data">Kline files or folders the in-process simulator replays.</param>
/// <param name="Speed">Replay speed, market seconds per second.</param>
/// <param name="HistoryBars">Minutes the in-process simulator replays before trading starts (warm-up history).</param>
/// <param name="Symbols">Comma-separated symbols to trade.</param>
/// <param name="Duration">How long to run (e.g. 90s, 10m, 2h), or null until stopped.</param>
/// <param name="Config">A HOCON file layered over hocon/rari.conf.</param>
/// <param name="Sets">key=value overrides under rari.</param>
/// <param name="State">Folder for the SQLite journal, or null for the configured path.</param>
/// <param name="Logs">Folder for the logs.</param>
/// <param name="NoDashboard">Whether the dashboard stays off.</param>
/// <param name="DashboardPort">--dashboard-port, overriding rari.dashboard.port.</param>
/// <param name="DashboardBind">--dashboard-bind, overriding rari.dashboard.bind.</param>
public sealed record RunArguments(
    string? Mode,
    bool Test,
    string? Venue,
    string? Market,
    IReadOnlyList<string> Data,
    double? Speed,
    int? HistoryBars,
    string? Symbols,
    string? Duration,
    string? Config,
    IReadOnlyList<string> Sets,
    string? State,
    string? Logs,
    bool NoDashboard,
    int? DashboardPort = null,
    string? DashboardBind = null);

/// <summary>A checked <c>rari run</c> request.</summary>
/// <param name="Mode">The strategy family every symbol runs.</param>
/// <param name="Test">Test mode: the simulator instead of Aster.</param>
/// <param name="Venue">The simulator to use in test mode, or null to start one in-process.</param>
/// <param name="DataFiles">The files the in-process simulator replays (resolved).</param>
/// <param name="Speed">Replay speed.</param>
/// <param name="HistoryBars">Warm-up history the in-process simulator replays first.</param>
/// <param name="Symbols">The symbols to trade, or empty for the default (the data's symbols in a replay, rari.assets live and with --market live).</param>
/// <param name="Duration">How long to run, or null.</param>
/// <param name="ConfigFile">The user's HOCON file, or null.</param>
/// <param name="Sets">Overrides.</param>
/// <param name="StateDirectory">Override of the journal folder, or null.</param>
/// <param name="LogDirectory">Where logs go.</param>
/// <param name="Dashboard">Whether to serve the dashboard.</param>
/// <param name="DashboardPort">The dashboard's port when given on the command line (0 picks a free one).</param>
/// <param name="DashboardBind">The dashboard's address when given on the command line.</param>
/// <param name="LiveMarket">
/// Test mode on live prices (<c>--market live</c>): the in-process simulator follows the upstream of
/// <c>rari.live-market</c> instead of replaying files.
/// </param>
public sealed record RunRequest(
    StrategyKind Mode,
    bool Test,
    Uri? Venue,
    IReadOnlyList<string> DataFiles,
    double Speed,
    int HistoryBars,
    IReadOnlyList<Symbol> Symbols,
    TimeSpan? Duration,
    string? ConfigFile,
    IReadOnlyList<string> Sets,
    string? StateDirectory,
    string LogDirectory,
    bool Dashboard,
    int? DashboardPort = null,
    string? DashboardBind = null,
    bool LiveMarket = false)
{
    /// <summary>Replay speed of the in-process simulator when --speed is not given: ten 1-minute bars a second.</summary>
    public const double DefaultSpeed = 600;

    /// <summary>History replayed before trading when --history-bars is not given: one day, enough for every warm-up.</summary>
    public const int DefaultHistoryBars = 1440;

    /// <summary>Checks <paramref name="raw"/>; returns one message per problem (empty when <paramref name="request"/> is set).</summary>
    public static IReadOnlyList<string> TryCreate(RunArguments raw, out RunRequest? request)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var errors = new List<string>();
        request = null;

        StrategyKind mode = default;
        switch (raw.Mode?.Trim().ToUpperInvariant())
        {
            case "GRID": mode = StrategyKind.Grid; break;
            case "VOLATILITY": mode = StrategyKind.Volatility; break;
            case "HYBRID": mode = StrategyKind.Hybrid; break;
            default: errors.Add($"the mode '{raw.Mode}' is not one of grid, volatility, hybrid (e.g. rari run hybrid --test)."); break;
        }

        Uri? venue = null;
        if (raw.Venue is { } venueText)
        {
            if (!raw.Test)
            {
                errors.Add("--venue points test mode at a running simulator; add --test (live trading always goes to Aster's configured URLs).");
            }

            if (!Uri.TryCreate(venueText, UriKind.Absolute, out venue) || venue.Scheme is not ("http" or "https"))
            {
                errors.Add($"--venue '{venueText}' is not an http(s) URL such as http://127.0.0.1:5080.");
            }
        }

        var live = false;
        switch (raw.Market?.Trim().ToUpperInvariant())
        {
            case null or "" or "REPLAY": break;
            case "LIVE":
                live = true;
                if (!raw.Test)
                {
                    errors.Add("--market live is paper trading on Aster's live prices in the simulator; add --test (without --test, rari run trades Aster itself).");
                }

                if (raw.Venue is not null)
                {
                    errors.Add("--market live starts its own simulator following rari.live-market; drop --venue (or drop --market live to use the simulator at --venue).");
                }

                if (raw.Data.Count > 0 || raw.Speed is not null || raw.HistoryBars is not null)
                {
                    errors.Add("--data, --speed and --history-bars drive a replay; --market live follows the live market instead (its history is rari.live-market.history-bars). Drop them or drop --market live.");
                }

                break;
            default: errors.Add($"--market '{raw.Market}' is not replay or live."); break;
        }

        if (!raw.Test && (raw.Data.Count > 0 || raw.Speed is not null || raw.HistoryBars is not null))
        {
            errors.Add("--data, --speed and --history-bars drive the in-process simulator; add --test.");
        }

        if (raw.Speed is { } speed && (!double.IsFinite(speed) || speed <= 0))
        {
            errors.Add($"--speed {speed.ToString(CultureInfo.InvariantCulture)} must be a positive number of market seconds per second (600 = ten bars a second).");
        }

        if (raw.HistoryBars is < 0)
        {
            errors.Add("--history-bars must be 0 or more.");
        }

        if (raw.NoDashboard && (raw.DashboardPort is not null || raw.DashboardBind is not null))
        {
            errors.Add("--dashboard-port and --dashboard-bind configure the dashboard that --no-dashboard turns off; drop one or the other.");
        }

        IReadOnlyList<Symbol> symbols = [];
        if (raw.Symbols is not null && !CommandValues.TryParseSymbols(raw.Symbols, out symbols, out var bad))
        {
            errors.Add($"--symbols: '{bad}' is not a symbol; give upper-case symbols separated by commas, e.g. BTCUSDT,ETHUSDT.");
        }

        TimeSpan? duration = null;
        if (raw.Duration is { } durationText)
        {
            if (TryParseDuration(durationText, out var parsed))
            {
                duration = parsed;
            }
            else
            {
                errors.Add($"--duration '{durationText}' is not a duration such as 90s, 10m or 2h.");
            }
        }

        if (raw.Config is { } config && !File.Exists(config))
        {
            errors.Add($"--config {config}: no such file.");
        }

        IReadOnlyList<string> dataFiles = [];
        if (raw.Test && venue is null && !live)
        {
            try
            {
                dataFiles = SimDataFiles.Resolve(raw.Data);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException or IOException)
            {
                errors.Add(e.Message);
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        request = new RunRequest(
            mode,
            raw.Test,
            venue,
            dataFiles,
            raw.Speed ?? DefaultSpeed,
            raw.HistoryBars ?? DefaultHistoryBars,
            symbols,
            duration,
            raw.Config,
            raw.Sets,
            raw.State,
            raw.Logs ?? "logs",
            !raw.NoDashboard,
            raw.DashboardPort,
            raw.DashboardBind,
            live);
        return errors;
    }

    /// <summary>Reads 90s, 10m, 2h or 1d (a positive whole number and a unit).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length < 2 || !long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        duration = trimmed[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }
}
