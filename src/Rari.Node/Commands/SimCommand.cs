using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Rari.Actors.Settings;
using Rari.Aster.Errors;
using Rari.Aster.Signing;
using Rari.Aster.Sim.Faults;
using Rari.Aster.Sim.Hosting;
using Rari.Aster.Sim.Replay;
using Rari.Aster.Sim.Trading;

namespace Rari.Node.Commands;

/// <summary>
/// <c>rari sim</c>: starts the simulated Aster exchange (REST, WebSocket and <c>/_sim/</c> admin on one port) over
/// recorded market data, or following Aster's live market with <c>--market live</c>, with the Venue as its trading engine, prints where to reach it (and the demo account's
/// throwaway keys when no accounts file is given), and runs until Ctrl-C or SIGTERM.
/// </summary>
/// <remarks>
/// Exit codes: 0 after a clean stop; 1 when an option is malformed (the parser's code), a file's content is invalid
/// or the port cannot be bound; 2 when a data, accounts or instruments path does not exist or the faults are invalid.
/// </remarks>
public static class SimCommand
{
    /// <summary>The port used when <c>--port</c> is not given.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Exit code for a missing file or invalid faults.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for invalid files or a port that cannot be bound.</summary>
    public const int FailureExitCode = 1;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var options = new SimCommandOptions();
        var command = new Command("sim", "Start the simulated Aster exchange over recorded market data (REST, WebSocket and /_sim/ admin on one port)");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(options.Validate);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, SimCommandOptions o, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        SimOptions options;
        try
        {
            options = o.ToSimOptions(parse);
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException or JsonException or IOException)
        {
            await error.WriteLineAsync($"rari sim: {e.Message}").ConfigureAwait(false);
            return UsageExitCode;
        }

        SimServer server;
        try
        {
            server = o.IsLive(parse)
                ? await CreateLiveAsync(options, parse.GetValue(o.Symbols), parse.GetValue(o.Config), cancellationToken).ConfigureAwait(false)
                : new SimServer(options, context => new VenueTradingApi(context));
        }
        catch (SettingsException e)
        {
            foreach (var problem in e.Problems)
            {
                await error.WriteLineAsync($"rari sim: {problem}").ConfigureAwait(false);
            }

            return UsageExitCode;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            await error.WriteLineAsync($"rari sim: {e.Message}").ConfigureAwait(false);
            return FailureExitCode;
        }
        catch (Exception e) when (e is HttpRequestException or AsterApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"rari sim: --market live could not reach its upstream (rari.live-market; it needs the internet): {e.Message}").ConfigureAwait(false);
            return FailureExitCode;
        }

        await using (server.ConfigureAwait(false))
        {
            try
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"rari sim: cannot listen on {options.BindAddress}:{options.Port}: {e.Message} Pick another port with --port.").ConfigureAwait(false);
                return FailureExitCode;
            }

            await output.WriteAsync(SimBanner.Describe(server, options)).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("rari sim: stopping").ConfigureAwait(false);
            }

            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await output.WriteLineAsync("rari sim: stopped").ConfigureAwait(false);
        return 0;
    }

    private static async Task<SimServer> CreateLiveAsync(SimOptions options, string? symbols, string? config, CancellationToken cancellationToken)
    {
        var live = await SimLiveMarket.ConnectAsync(symbols, config, cancellationToken).ConfigureAwait(false);
        try
        {
            return SimServer.CreateLive(options, live, context => new VenueTradingApi(context));
        }
        catch
        {
            await live.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>The command's options, their checks, and how they make <see cref="SimOptions"/>.</summary>
    private sealed class SimCommandOptions
    {
        public Option<int> Port { get; } = new("--port")
        {
            Description = "TCP port for REST, WebSocket and admin (0 picks a free one)",
            DefaultValueFactory = _ => DefaultPort,
            CustomParser = r => Parse(r, "a TCP port, 0-65535", (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v <= 65_535),
        };

        public Option<string[]> Data { get; } = new("--data")
        {
            Description = "Recorded 1-minute kline file (SYMBOL-1m-….csv[.gz]) or a folder of them; repeatable. Default: the bundled sample",
            HelpName = "FILE_OR_DIR",
            Arity = ArgumentArity.OneOrMore,
        };

        public Option<double?> Speed { get; } = new("--speed")
        {
            Description = "Replay paced at N times real time (60 = one bar a second); the default is 1",
            HelpName = "N",
            CustomParser = r => Parse(r, "a positive number of market seconds per second", (string t, out double v) =>
                double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v) && v > 0),
        };

        public Option<int> HistoryBars { get; } = new("--history-bars")
        {
            Description = "Replay N minutes at once before serving, so traders find history to warm up on (default 0)",
            HelpName = "N",
            CustomParser = r => Parse(r, "a number of minutes, 0 or more", (string t, out int v) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v)),
        };

        public Option<bool> Fast { get; } = new("--fast") { Description = "Replay bar after bar as fast as the subscribers keep up" };

        public Option<bool> Manual { get; } = new("--manual") { Description = "Replay only when told: POST /_sim/clock/step?bars=N" };

        public Option<string?> Accounts { get; } = new("--accounts")
        {
            Description = "Accounts file ({\"accounts\":[{\"name\",\"balance\",\"v1\":{…},\"v3\":{…}}]}); default: one demo account with fresh keys",
            HelpName = "FILE",
        };

        public Option<string?> Instruments { get; } = new("--instruments")
        {
            Description = "Instruments file overriding or adding to the built-in symbols",
            HelpName = "FILE",
        };

        public Option<string> Bind { get; } = new("--bind")
        {
            Description = "Address to listen on; loopback by default, so nothing outside this machine can reach it",
            HelpName = "ADDR",
            DefaultValueFactory = _ => "127.0.0.1",
            CustomParser = r => Parse(r, "an IP address such as 127.0.0.1 or 0.0.0.0", (string t, out string v) =>
            {
                v = t;
                return IPAddress.TryParse(t, out _);
            }),
        };

        public Option<long> ChainId { get; } = new("--chain-id")
        {
            Description = "EIP-712 chain id V3 signatures are checked under: 1666 (mainnet) or 714 (testnet)",
            HelpName = "N",
            DefaultValueFactory = _ => AsterEip712.MainnetChainId,
            CustomParser = r => Parse(r, "a positive chain id: 1666 for mainnet, 714 for testnet", (string t, out long v) =>
                long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v > 0),
        };

        public Option<string?> Faults { get; } = new("--faults")
        {
            Description = "Faults from the start, as the JSON object POST /_sim/faults takes (or a file holding it), e.g. {\"unknownStatusRate\":0.05,\"seed\":7}",
            HelpName = "JSON",
        };

        public Option<string?> Market { get; } = new("--market")
        {
            Description = "replay (recorded data, the default) or live: follow Aster's live market (rari.live-market in hocon/rari.conf; needs the internet) and fill paper orders on its prices",
            HelpName = "replay|live",
        };

        public Option<string?> Symbols { get; } = new("--symbols")
        {
            Description = "with --market live: the symbols to follow, e.g. BTCUSDT,ETHUSDT (default: rari.assets)",
            HelpName = "A,B",
        };

        public Option<string?> Config { get; } = new("--config")
        {
            Description = "with --market live: a HOCON file layered over hocon/rari.conf (e.g. another rari.live-market upstream)",
            HelpName = "FILE",
        };

        public IEnumerable<Option> All => [Port, Data, Speed, HistoryBars, Fast, Manual, Accounts, Instruments, Bind, ChainId, Faults, Market, Symbols, Config];

        public bool IsLive(ParseResult parse) => string.Equals(parse.GetValue(Market)?.Trim(), "live", StringComparison.OrdinalIgnoreCase);

        public void Validate(CommandResult result)
        {
            bool Given(Option option) => result.GetResult(option) is { Implicit: false };
            if ((Given(Speed) ? 1 : 0) + (Given(Fast) ? 1 : 0) + (Given(Manual) ? 1 : 0) > 1)
            {
                result.AddError("Use at most one of --speed, --fast and --manual.");
            }

            var market = result.GetValue(Market)?.Trim().ToUpperInvariant();
            if (market is not (null or "REPLAY" or "LIVE"))
            {
                result.AddError($"--market '{result.GetValue(Market)}' is not replay or live.");
            }
            else if (market == "LIVE" && (Given(Data) || Given(Speed) || Given(HistoryBars) || Given(Fast) || Given(Manual)))
            {
                result.AddError("--data, --speed, --history-bars, --fast and --manual drive a replay; --market live follows the live market instead (its history is rari.live-market.history-bars). Drop them or drop --market live.");
            }
            else if (market != "LIVE" && (Given(Symbols) || Given(Config)))
            {
                result.AddError("--symbols and --config choose what --market live follows; add --market live (a replay serves the symbols of its data).");
            }
        }

        /// <exception cref="FileNotFoundException">A data, accounts or instruments path does not exist.</exception>
        /// <exception cref="JsonException">The faults are not a JSON object of fault settings.</exception>
        /// <exception cref="ArgumentException">A fault setting is out of range.</exception>
        public SimOptions ToSimOptions(ParseResult parse)
        {
            var accounts = ExistingFile(parse.GetValue(Accounts), "--accounts");
            var instruments = ExistingFile(parse.GetValue(Instruments), "--instruments");
            var (mode, speed) = parse.GetValue(Manual) ? (ReplayMode.Manual, 1.0)
                : parse.GetValue(Fast) ? (ReplayMode.AsFastAsPossible, 1.0)
                : (ReplayMode.Paced, parse.GetValue(Speed) ?? 1.0);
            return new SimOptions
            {
                BindAddress = parse.GetValue(Bind)!,
                Port = parse.GetValue(Port),
                DataFiles = IsLive(parse) ? [] : SimDataFiles.Resolve(parse.GetValue(Data) ?? []),
                ReplayMode = mode,
                HistoryBars = parse.GetValue(HistoryBars),
                Speed = speed,
                AccountsFile = accounts,
                InstrumentsFile = instruments,
                ChainId = parse.GetValue(ChainId),
                Faults = parse.GetValue(Faults) is { } faults ? FaultsJson.Parse(faults) : new FaultSettings(),
            };
        }

        // Reads the option's single token, or reports what it must be.
        private static T Parse<T>(ArgumentResult result, string expected, TryParse<T> parse)
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (parse(token, out var value))
            {
                return value;
            }

            result.AddError($"{((OptionResult)result.Parent!).Option.Name} must be {expected}, not '{token}'.");
            return default!;
        }

        private static string? ExistingFile(string? path, string option) =>
            path is null || File.Exists(path) ? path : throw new FileNotFoundException($"{option} {path}: no such file.", path);
    }
}
