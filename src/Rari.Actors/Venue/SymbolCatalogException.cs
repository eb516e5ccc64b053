namespace Rari.Actors.Venue;

/// <summary>
/// The traded symbols cannot be set up on the venue. Carries every problem found, each naming the symbol (or the
/// account setting) and what to do, so one start-up tells the operator everything to fix.
/// </summary>
public sealed class SymbolCatalogException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/> (at least one).</summary>
    public SymbolCatalogException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    public SymbolCatalogException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    public SymbolCatalogException(string message, Exception innerException)
        : base(Describe([message]), innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception without details.</summary>
    public SymbolCatalogException()
        : this("the traded symbols could not be set up on the venue")
    {
    }

    /// <summary>Every problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string Describe(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? "The traded symbols cannot be set up: " + problems[0]
            : $"The traded symbols cannot be set up ({problems.Count} problems):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}";
    }
}
