using Microsoft.AspNetCore.Http;

namespace Rari.Dashboard.Access;

/// <summary>
/// The dashboard's request checks. Reading needs the token: in the <c>rari_dashboard</c> cookie (set when the page is
/// opened with <c>?token=</c>), or as <c>Authorization: Bearer</c> for scripts. A control (a POST) from a browser
/// needs, on top of the cookie, the CSRF token in <c>X-Rari-Csrf</c> and an <c>Origin</c> equal to the dashboard's own:
/// another site can neither read the CSRF token nor forge the Origin, and the cookie is SameSite=Strict besides.
/// </summary>
/// <param name="access">The tokens.</param>
public sealed class AccessGuard(DashboardAccess access)
{
    /// <summary>The cookie that carries the token.</summary>
    public const string CookieName = "rari_dashboard";

    /// <summary>The header that carries the CSRF token.</summary>
    public const string CsrfHeader = "X-Rari-Csrf";

    private readonly DashboardAccess _access = access ?? throw new ArgumentNullException(nameof(access));

    /// <summary>The tokens.</summary>
    public DashboardAccess Access => _access;

    /// <summary>Whether the request carries the token (cookie or bearer).</summary>
    public bool CanRead(HttpRequest request) => HasBearer(request) || HasCookie(request);

    /// <summary>Null when the request may act; otherwise why not (for a 401/403 answer).</summary>
    public string? ControlRefusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HasBearer(request))
        {
            return null; // a browser never adds a bearer header by itself, so a forged request cannot carry one
        }

        if (!HasCookie(request))
        {
            return "the access token is missing: open the dashboard with the URL printed at start-up";
        }

        if (!_access.IsCsrfToken(request.Headers[CsrfHeader].ToString()))
        {
            return $"the {CsrfHeader} header is missing or wrong: controls are accepted only from the dashboard's own page";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return $"the request's Origin '{origin}' is not the dashboard's own ({request.Scheme}://{request.Host})";
        }

        return null;
    }

    /// <summary>Sets the token cookie on <paramref name="response"/>.</summary>
    public void SetCookie(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, _access.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Secure = false, // served over plain HTTP on loopback; put TLS in front for anything else
            IsEssential = true,
        });
    }

    private bool HasCookie(HttpRequest request) => _access.IsToken(request.Cookies[CookieName]);

    private bool HasBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && _access.IsToken(header[prefix.Length..].Trim());
    }
}
