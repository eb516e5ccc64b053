namespace Rari.Aster.Signing;

/// <summary>
/// How parameter names and values are percent-encoded into a query string or form body. All three are accepted by
/// the venue, because the signature covers whatever text is transmitted (fact sheet §2.3.3); they differ only in
/// which characters stay literal.
/// </summary>
public enum ParameterEncoding
{
    /// <summary>
    /// JavaScript <c>encodeURIComponent</c>, as ccxt sends: letters, digits and <c>-_.!~*'()</c> stay literal,
    /// space becomes <c>%20</c>. The default: it reproduces the reference client byte for byte.
    /// </summary>
    UriComponent = 0,

    /// <summary>RFC 3986 (<c>Uri.EscapeDataString</c>): only letters, digits and <c>-_.~</c> stay literal, space is <c>%20</c>.</summary>
    Rfc3986 = 1,

    /// <summary>
    /// Python <c>urllib.parse.urlencode</c> (<c>quote_plus</c>), as the docs' examples send: like RFC 3986 but
    /// space becomes <c>+</c>.
    /// </summary>
    FormPlus = 2,
}
