using System.Reflection;

namespace Rari.Dashboard.Web;

/// <summary>The page, its script, style and charting library, embedded in this assembly at build time.</summary>
internal static class DashboardAssets
{
    private static readonly Assembly Assembly = typeof(DashboardAssets).Assembly;

    /// <summary>The files the page may ask for, with their content types.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.js"] = "text/javascript; charset=utf-8",
        ["style.css"] = "text/css; charset=utf-8",
        ["lightweight-charts.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The text of <c>web/<paramref name="name"/></c>.</summary>
    /// <exception cref="InvalidOperationException">The build did not embed it.</exception>
    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream("web/" + name)
            ?? throw new InvalidOperationException($"The dashboard asset web/{name} is not embedded; rebuild Rari.Dashboard (its build runs npm ci).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
