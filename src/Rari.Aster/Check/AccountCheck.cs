using System.Globalization;
using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;

namespace Rari.Aster.Check;

/// <summary>
/// Tells a new user, in plain words, whether rari can trade with the configured venue and credentials: the venue is
/// reachable, the clocks agree, the credentials are accepted and may trade and stream, the account is in one-way mode,
/// the balance covers the smallest order on every traded asset, and every traded symbol has the asset table's leverage
/// (within the venue's brackets) and the expected margin type. Each finding comes with one line of advice.
/// </summary>
/// <remarks>
/// Reads only, except for creating (or extending) the account's listenKey, which a running trader shares harmlessly.
/// Nothing secret appears in the report.
/// </remarks>
public static partial class AccountCheck
{
    /// <summary>
    /// Reads the credentials from the environment as the trader does (<see cref="AsterClientOptions.FromEnvironment"/>)
    /// and runs every check with them; unset or unusable credentials are reported as a failed check, not thrown.
    /// </summary>
    /// <param name="getEnvironmentVariable">Pass <see cref="Environment.GetEnvironmentVariable(string)"/> in production.</param>
    /// <param name="template">The venue's addresses, chain id and timings (mainnet, testnet, or a simulator's URLs).</param>
    /// <param name="options">What the account must look like.</param>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    /// <exception cref="ArgumentException">The template's addresses or timings are unusable.</exception>
    public static async Task<AccountCheckReport> RunFromEnvironmentAsync(
        Func<string, string?> getEnvironmentVariable,
        AsterClientOptions template,
        AccountCheckOptions? options = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(template);
        AsterClientOptions clientOptions;
        string? credentialProblem = null;
        try
        {
            clientOptions = AsterClientOptions.FromEnvironment(getEnvironmentVariable, template);
        }
        catch (InvalidOperationException e)
        {
            // The message names the variables and never their values.
            clientOptions = template with { V1Credentials = null, V3Credentials = null };
            credentialProblem = e.Message;
        }

        using var client = AsterRestClient.Create(clientOptions, time: time);
        return await RunAsync(client, options, credentialProblem, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every check in order; a check whose prerequisite failed is skipped.</summary>
    /// <param name="client">A client for the venue and credentials to check.</param>
    /// <param name="options">What the account must look like.</param>
    /// <param name="cancellationToken">Stops the checks.</param>
    public static Task<AccountCheckReport> RunAsync(AsterRestClient client, AccountCheckOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(client, options, null, cancellationToken);

    private static async Task<AccountCheckReport> RunAsync(
        AsterRestClient client, AccountCheckOptions? options, string? credentialProblem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new AccountCheckOptions();
        var clientOptions = client.Transport.Options;
        var results = new List<CheckResult>();
        var report = new AccountCheckReport(clientOptions.RestBaseUrl, CheckAdvice.Identity(clientOptions), results);

        var reachable = await CheckConnectivityAsync(client, clientOptions, cancellationToken).ConfigureAwait(false);
        results.Add(reachable);
        if (reachable.Status != CheckStatus.Passed)
        {
            results.Add(CheckResult.Skip(Names.Everything, "the venue is not reachable"));
            return report;
        }

        results.Add(await CheckClockAsync(client, clientOptions, options, cancellationToken).ConfigureAwait(false));
        var (credentials, account) = await CheckCredentialsAsync(client, clientOptions, credentialProblem, cancellationToken).ConfigureAwait(false);
        results.Add(credentials);
        if (account is null)
        {
            results.Add(CheckResult.Skip(Names.AccountChecks, "the credentials were not accepted"));
            return report;
        }

        results.Add(await CheckPermissionsAsync(client, clientOptions, account, cancellationToken).ConfigureAwait(false));
        results.Add(await CheckPositionModeAsync(client, clientOptions, cancellationToken).ConfigureAwait(false));
        var market = await MarketFacts.LoadAsync(client, options, cancellationToken).ConfigureAwait(false);
        if (market.Problem is { } problem)
        {
            var (finding, advice) = CheckAdvice.For(problem, clientOptions);
            results.Add(CheckResult.Fail(Names.Balance, "the symbols and leverage of the account could not be read: " + finding, advice));
            return report;
        }

        results.Add(await CheckBalanceAsync(client, clientOptions, options, market, cancellationToken).ConfigureAwait(false));
        results.AddRange(CheckSymbols(options, market));
        return report;
    }

    private static async Task<CheckResult> CheckConnectivityAsync(AsterRestClient client, AsterClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            return CheckResult.Pass(Names.Connectivity, Text($"reached {options.RestBaseUrl.GetLeftPart(UriPartial.Authority)} in {elapsed.TotalMilliseconds:F0} ms"));
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return CheckResult.Fail(Names.Connectivity, finding, advice);
        }
    }

    private static async Task<CheckResult> CheckClockAsync(AsterRestClient client, AsterClientOptions options, AccountCheckOptions check, CancellationToken cancellationToken)
    {
        try
        {
            var skew = await client.MeasureClockSkewAsync(cancellationToken).ConfigureAwait(false);
            var offset = Math.Abs(skew.OffsetMs);
            var direction = skew.OffsetMs > 0 ? "behind" : "ahead of";
            var finding = offset == 0
                ? Text($"your clock agrees with the venue's (round trip {skew.RoundTripMs} ms)")
                : Text($"your clock is {Seconds(offset)} {direction} the venue's (round trip {skew.RoundTripMs} ms)");
            if (offset <= check.MaxClockOffset.TotalMilliseconds)
            {
                return CheckResult.Pass(Names.Clock, finding);
            }

            var window = (long)options.RequestAcceptanceWindow.TotalMilliseconds;
            var consequence = options.ApiVersion == AsterApiVersion.V1
                ? Text($"recvWindow {window} ms")
                : Text($"the ±{window / 1000} s nonce window");
            var verdict = offset >= window
                ? Text($"signed with it, every request would fall outside {consequence} and be refused; rari corrects by the offset it measures, but only until the clock drifts further.")
                : Text($"rari corrects by the offset it measures, but a clock this far off drifts; beyond {consequence} uncorrected requests are refused.");
            return CheckResult.Fail(Names.Clock, finding + "; " + verdict, CheckAdvice.TimeSync);
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return CheckResult.Fail(Names.Clock, finding, advice);
        }
    }

    private static async Task<(CheckResult Result, AsterAccount? Account)> CheckCredentialsAsync(
        AsterRestClient client, AsterClientOptions options, string? credentialProblem, CancellationToken cancellationToken)
    {
        if (!options.HasCredentials)
        {
            return (CheckResult.Fail(Names.Credentials, credentialProblem ?? "no credentials are set",
                $"Set {Signing.V3Credentials.PrivateKeyVariable} (and {Signing.V3Credentials.UserVariable} for an API wallet) for V3, or {Signing.V1Credentials.ApiKeyVariable} and {Signing.V1Credentials.ApiSecretVariable} for V1, in the environment rari runs in."), null);
        }

        try
        {
            var account = await client.GetAccountAsync(cancellationToken).ConfigureAwait(false);
            return (CheckResult.Pass(Names.Credentials, $"the venue accepted the {CheckAdvice.Identity(options)}"), account);
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return (CheckResult.Fail(Names.Credentials, finding, advice), null);
        }
    }

    private static async Task<CheckResult> CheckPermissionsAsync(AsterRestClient client, AsterClientOptions options, AsterAccount account, CancellationToken cancellationToken)
    {
        if (!account.CanTrade)
        {
            return CheckResult.Fail(Names.Permissions, "the account may not trade",
                "Enable trading for this API key on Aster's API management page (reading alone is not enough).");
        }

        try
        {
            // Creates the account's listenKey, or returns and extends the live one: harmless to a running trader.
            await client.CreateListenKeyAsync(cancellationToken).ConfigureAwait(false);
            return CheckResult.Pass(Names.Permissions, "may trade and open the user-data stream");
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return CheckResult.Fail(Names.Permissions, "may trade, but the user-data stream was refused: " + finding, advice);
        }
    }

    private static async Task<CheckResult> CheckPositionModeAsync(AsterRestClient client, AsterClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetHedgeModeAsync(cancellationToken).ConfigureAwait(false)
                ? CheckResult.Fail(Names.PositionMode, "hedge mode is on; rari trades in one-way mode (one net position per symbol)",
                    "Switch to one-way mode in Aster (Futures > Preferences > Position Mode > One-way) while no position or order is open.")
                : CheckResult.Pass(Names.PositionMode, "one-way mode, as rari expects");
        }
        catch (AsterApiException e)
        {
            var (finding, advice) = CheckAdvice.For(e, options);
            return CheckResult.Fail(Names.PositionMode, finding, advice);
        }
    }

    private static string Seconds(long ms) =>
        ms < 1000 ? Text($"{ms} ms") : Text($"{ms / 1000m:0.0} s");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The names checks are reported under.</summary>
    private static class Names
    {
        public const string Connectivity = "Connection";
        public const string Clock = "Clock";
        public const string Credentials = "Credentials";
        public const string Permissions = "Permissions";
        public const string PositionMode = "Position mode";
        public const string Balance = "Balance";
        public const string Everything = "Everything else";
        public const string AccountChecks = "Account";
    }
}
