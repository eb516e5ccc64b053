namespace Rari.Actors.Settings;

/// <summary>
/// The configuration cannot be used. Thrown by the settings loaders with every problem found, not only the first, so
/// that one start-up names everything to fix.
/// </summary>
public sealed class SettingsException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/> (at least one).</summary>
    public SettingsException(IReadOnlyList<SettingsProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only (no key to blame).</summary>
    public SettingsException()
        : this([new SettingsProblem("rari", null, "the configuration is invalid")])
    {
    }

    /// <summary>Creates the exception with a message only (no key to blame).</summary>
    public SettingsException(string message)
        : this([new SettingsProblem("rari", null, message)])
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new SettingsProblem("rari", null, message)];
    }

    /// <summary>Every problem, one per bad key, in the order the keys were read.</summary>
    public IReadOnlyList<SettingsProblem> Problems { get; }

    private static string Describe(IReadOnlyList<SettingsProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The configuration has {problems.Count} {noun}:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", problems);
    }
}
