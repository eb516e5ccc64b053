namespace Rari.Aster.Check;

/// <summary>How one check of <see cref="AccountCheck"/> ended.</summary>
public enum CheckStatus
{
    /// <summary>All is well.</summary>
    Passed = 1,

    /// <summary>Something must change before rari can trade; the result's advice says what.</summary>
    Failed = 2,

    /// <summary>Not run, because a check it depends on failed.</summary>
    Skipped = 3,
}

/// <summary>One check: what was looked at, what was found, and what to change when it failed.</summary>
/// <param name="Name">What was checked, e.g. "Clock" or "BTCUSDT leverage".</param>
/// <param name="Status">Passed, failed or skipped.</param>
/// <param name="Finding">One line on what was found, in plain words.</param>
/// <param name="Advice">One line on what to change; null when there is nothing to do.</param>
public sealed record CheckResult(string Name, CheckStatus Status, string Finding, string? Advice = null)
{
    /// <summary>A passed check.</summary>
    public static CheckResult Pass(string name, string finding) => new(name, CheckStatus.Passed, finding);

    /// <summary>A failed check with its advice.</summary>
    public static CheckResult Fail(string name, string finding, string advice) => new(name, CheckStatus.Failed, finding, advice);

    /// <summary>A check not run because <paramref name="because"/>.</summary>
    public static CheckResult Skip(string name, string because) => new(name, CheckStatus.Skipped, "not checked: " + because);
}

/// <summary>Everything <see cref="AccountCheck"/> found, in the order checked.</summary>
/// <param name="Venue">The REST address checked.</param>
/// <param name="Identity">Who was checked, with secrets left out (e.g. "V1 API key abcd… (64 chars)").</param>
/// <param name="Results">Each check.</param>
public sealed record AccountCheckReport(Uri Venue, string Identity, IReadOnlyList<CheckResult> Results)
{
    /// <summary>Whether every check passed.</summary>
    public bool AllPassed => Results.Count > 0 && Results.All(r => r.Status == CheckStatus.Passed);

    /// <summary>The process exit code: 0 when every check passed, 1 otherwise.</summary>
    public int ExitCode => AllPassed ? 0 : 1;
}
