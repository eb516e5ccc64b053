using System.Globalization;
using Rari.Aster.Errors;
using Rari.Aster.Rest;
using Rari.Aster.Signing;

namespace Rari.Aster.Check;

/// <summary>
/// Turns a failed call into plain words and one line of advice: the original tool's "API Connection Failed"
/// troubleshooting (wrong key, IP not whitelisted, clock skew, firewall), automated. Never repeats a secret.
/// </summary>
internal static class CheckAdvice
{
    public const string TimeSync =
        "Turn on automatic time sync (Linux: timedatectl set-ntp true; Windows: Settings > Time > Sync now; macOS: Date & Time > Set automatically).";

    /// <summary>What the failure means and what to do about it.</summary>
    public static (string Finding, string Advice) For(AsterApiException e, AsterClientOptions options)
    {
        var host = options.RestBaseUrl.Authority;
        var code = e.Code is { } c ? string.Create(CultureInfo.InvariantCulture, $" ({c})") : string.Empty;
        var v3 = options.ApiVersion == AsterApiVersion.V3;
        return e.Category switch
        {
            AsterErrorCategory.NotDelivered or AsterErrorCategory.UnknownExecutionStatus when e.HttpStatus is null => (
                $"no answer from {host}: {e.VenueMessage}",
                $"Check the address ({options.RestBaseUrl}), your internet connection and any proxy or firewall between you and {host}."),
            AsterErrorCategory.Firewall => (
                "Aster's firewall refused this IP (HTTP 403)",
                "Aster blocks some regions and VPN exits: try from another network, and whitelist this machine's public IP if the key is IP-restricted."),
            AsterErrorCategory.IpBanned => (
                "this IP is banned for sending too many requests (HTTP 418)",
                "Stop other tools that use this IP and wait for the ban to end (2 minutes at first, longer for repeat offenders)."),
            AsterErrorCategory.RateLimited => (
                $"the request-rate limit was reached{code}",
                "Wait a minute and run the check again; stop other tools that share this IP."),
            AsterErrorCategory.InvalidTimestamp => (
                $"the venue refused the request's time{code}: {e.VenueMessage}",
                TimeSync),
            AsterErrorCategory.Authentication when e.Code == AsterErrorCodes.InvalidSignature => (
                $"the request signature was refused{code}: the secret does not belong to this key",
                v3
                    ? $"Check that {V3Credentials.PrivateKeyVariable} is the API wallet's private key and that the chain id suits the venue (1666 mainnet, 714 testnet)."
                    : $"Copy {V1Credentials.ApiSecretVariable} again: it belongs to the key in {V1Credentials.ApiKeyVariable} and Aster shows it only when the key is created."),
            AsterErrorCategory.Authentication when e.Code == AsterErrorCodes.BadApiKeyFormat => (
                $"the API key is malformed{code}",
                $"Copy {V1Credentials.ApiKeyVariable} again, whole, without quotes or spaces."),
            AsterErrorCategory.Authentication => (
                $"Aster refused the key, this IP or the key's permissions{code}: {e.VenueMessage}",
                v3
                    ? $"Check that {V3Credentials.UserVariable} is your Aster account and that the API wallet of {V3Credentials.PrivateKeyVariable} is approved for it (Aster > API management); whitelist this machine's public IP if the wallet is IP-restricted."
                    : $"Check {V1Credentials.ApiKeyVariable} against Aster's API management page, and if the key is restricted to IP addresses, add this machine's public IP to its whitelist."),
            _ => (
                $"the venue answered an error{code}: {e.VenueMessage ?? e.Message}",
                "Run the check again in a minute; if the error stays, report it with this line."),
        };
    }

    /// <summary>Who the credentials name, with every secret left out.</summary>
    public static string Identity(AsterClientOptions options) => (options.V1Credentials, options.V3Credentials) switch
    {
        (not null, _) => $"V1 API key {Abbreviate(options.V1Credentials.ApiKey)}",
        (_, { IsSelfSigned: true } v3) => $"V3 wallet {v3.User}",
        (_, { } v3) => $"V3 API wallet {v3.Signer} for user {v3.User}",
        _ => "no credentials",
    };

    private static string Abbreviate(string key) =>
        key.Length <= 8 ? new string('*', key.Length) : string.Create(CultureInfo.InvariantCulture, $"{key[..4]}…{key[^4..]} ({key.Length} chars)");
}
