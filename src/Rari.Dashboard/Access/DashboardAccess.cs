using System.Security.Cryptography;
using System.Text;

namespace Rari.Dashboard.Access;

/// <summary>
/// The dashboard's access token and the cross-site-request token derived from it. The token comes from the environment
/// variable <see cref="TokenVariable"/> when set (a secret: never from a file, never logged), otherwise a fresh random
/// one is made at each start and printed once with the URL.
/// </summary>
public sealed class DashboardAccess
{
    /// <summary>The environment variable that holds a fixed token.</summary>
    public const string TokenVariable = "RARI_DASHBOARD_TOKEN";

    /// <summary>The shortest token accepted from the environment.</summary>
    public const int MinTokenLength = 16;

    private readonly byte[] _token;
    private readonly byte[] _csrf;

    private DashboardAccess(string token, bool configured)
    {
        Token = token;
        IsConfigured = configured;
        _token = Encoding.UTF8.GetBytes(token);

        // Derived, not random: every node process serving the same token accepts the same CSRF token after a restart.
        CsrfToken = Base64Url(HMACSHA256.HashData(_token, "rari-dashboard-csrf"u8));
        _csrf = Encoding.UTF8.GetBytes(CsrfToken);
    }

    /// <summary>The access token.</summary>
    public string Token { get; }

    /// <summary>True when the token came from the environment (not generated at this start).</summary>
    public bool IsConfigured { get; }

    /// <summary>The token a page must send in the <c>X-Rari-Csrf</c> header with every control.</summary>
    public string CsrfToken { get; }

    /// <summary>
    /// Reads the token from <paramref name="environment"/> or generates one. Returns the problem instead when the
    /// configured token is too short.
    /// </summary>
    public static DashboardAccess Resolve(Func<string, string?> environment, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(environment);
        problem = null;
        var configured = environment(TokenVariable)?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            return new DashboardAccess(Base64Url(RandomNumberGenerator.GetBytes(24)), configured: false);
        }

        if (configured.Length < MinTokenLength)
        {
            problem = $"{TokenVariable} holds {configured.Length} characters; give the dashboard a token of at least {MinTokenLength} (e.g. openssl rand -hex 24).";
        }

        return new DashboardAccess(configured, configured: true);
    }

    /// <summary>Creates access with a known token (tests, and hosts that hold their own secret store).</summary>
    public static DashboardAccess WithToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new DashboardAccess(token, configured: true);
    }

    /// <summary>Whether <paramref name="candidate"/> is the token (compared in constant time).</summary>
    public bool IsToken(string? candidate) => Matches(_token, candidate);

    /// <summary>Whether <paramref name="candidate"/> is the CSRF token (compared in constant time).</summary>
    public bool IsCsrfToken(string? candidate) => Matches(_csrf, candidate);

    private static bool Matches(byte[] expected, string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(candidate));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
