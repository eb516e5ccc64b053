using Microsoft.Extensions.Logging;
using Rari.Aster.Errors;
using Rari.Aster.Rest;
using Rari.Aster.Sim.Live;
using Rari.Domain.Identifiers;

namespace Rari.Node.Trading;

/// <summary>
/// Where <c>rari run</c> trades and with which credentials: the in-process simulator (test mode, its demo account), a
/// running simulator (<c>--test --venue URL</c>, credentials from the environment) or Aster (credentials from the
/// environment). Owns the REST client, the V3 nonce file and the in-process simulator.
/// </summary>
public sealed partial class VenueConnection : IAsyncDisposable
{
    private InProcessVenue? _sim;
    private NonceStore? _nonces;

    private VenueConnection()
    {
    }

    /// <summary>The REST client every actor shares (one rate-limit budget per process).</summary>
    public AsterRestClient Rest { get; private set; } = null!;

    /// <summary>The client options (URLs and credentials; never printed).</summary>
    public AsterClientOptions Options { get; private set; } = null!;

    /// <summary>A line for the banner: which venue, which account identity (never a secret).</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>The account's name in persistence ids (<c>gateway-{name}</c>).</summary>
    public string AccountName { get; private set; } = "main";

    /// <summary>The symbols the in-process simulator replays; null for other venues.</summary>
    public IReadOnlyList<Symbol>? ReplayedSymbols { get; private set; }

    /// <summary>The in-process simulator, when test mode started one.</summary>
    public InProcessVenue? Simulator => _sim;

    /// <summary>Why the venue could not be opened, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>The exit code that goes with <see cref="Problem"/>.</summary>
    public int ProblemExitCode { get; private set; }

    /// <summary>Opens the venue the request names.</summary>
    public static async Task<VenueConnection> OpenAsync(
        RunRequest request, TraderConfiguration configuration, Func<string, string?> environment, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var connection = new VenueConnection();
        AsterClientOptions options;
        if (request.Test && request.Venue is null)
        {
            try
            {
                connection._sim = request.LiveMarket
                    ? await InProcessVenue.StartLiveAsync(LiveOptions(request, configuration), loggerFactory, cancellationToken).ConfigureAwait(false)
                    : await InProcessVenue.StartAsync(request.DataFiles, request.Speed, request.HistoryBars, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
            {
                return connection.Fail(TraderRun.FailureExitCode, "the in-process simulator could not start: " + e.Message);
            }
            catch (Exception e) when (e is HttpRequestException or AsterApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return connection.Fail(
                    TraderRun.FailureExitCode,
                    $"--market live could not reach the upstream {configuration.LiveMarket.RestBaseUrl} (rari.live-market.rest-url; it needs the internet): {e.Message}");
            }

            var sim = connection._sim;
            options = AsterClientOptions.Mainnet with { RestBaseUrl = sim.BaseAddress, WebSocketBaseUrl = sim.StreamAddress, V3Credentials = sim.Credentials };
            connection.ReplayedSymbols = [.. sim.Server.Replay.Symbols.Select(s => s.Symbol)];
            connection.Description = request.LiveMarket
                ? $"the in-process simulator at {sim.BaseAddress}: PAPER TRADING ON LIVE PRICES from {configuration.LiveMarket.RestBaseUrl} (paper fills, no real orders; demo account {sim.Credentials.User})"
                : $"the in-process simulator at {sim.BaseAddress} (replaying {request.DataFiles.Count} file(s) at {request.Speed:0.##}x, demo account {sim.Credentials.User})";
            connection.AccountName = "test";
        }
        else
        {
            var template = request.Venue is { } url
                ? AsterClientOptions.Mainnet with { RestBaseUrl = url, WebSocketBaseUrl = new UriBuilder(url) { Scheme = url.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri }
                : AsterClientOptions.Mainnet;
            try
            {
                options = AsterClientOptions.FromEnvironment(environment, template);
            }
            catch (InvalidOperationException e)
            {
                // The message names the variables, never their values.
                return connection.Fail(TraderRun.UsageExitCode, e.Message);
            }

            var identity = options.V3Credentials is { } v3 ? $"V3 user {v3.User}" : $"V1 key {options.V1Credentials}";
            connection.Description = request.Venue is { } venue ? $"the simulator at {venue} as {identity}" : $"Aster ({options.RestBaseUrl}) as {identity}";
            connection.AccountName = request.Test ? "test" : "main";
        }

        if (options.V3Credentials is not null)
        {
            try
            {
                connection._nonces = NonceStore.Open(Path.Combine(configuration.StateDirectory, $"v3-nonce-{connection.AccountName}"));
            }
            catch (InvalidDataException e)
            {
                return connection.Fail(TraderRun.UsageExitCode, e.Message);
            }

            var nonces = connection._nonces;
            options = options with { V3LastNonce = nonces.Last, NonceIssued = nonces.Record };
        }

        connection.Options = options;
        connection.Rest = AsterRestClient.Create(options, loggerFactory);
        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Rest?.Dispose();
        _nonces?.Dispose();
        if (_sim is not null)
        {
            await _sim.DisposeAsync().ConfigureAwait(false);
        }
    }

    // --symbols, or the configured assets: a live market has no data files to name them.
    private static LiveMarketOptions LiveOptions(RunRequest request, TraderConfiguration configuration) => configuration.LiveMarket with
    {
        Symbols = request.Symbols.Count > 0 ? request.Symbols : [.. configuration.Rari.Assets.Profiles.Select(p => p.Symbol)],
    };

    private VenueConnection Fail(int exitCode, string problem)
    {
        Problem = problem;
        ProblemExitCode = exitCode;
        return this;
    }
}
