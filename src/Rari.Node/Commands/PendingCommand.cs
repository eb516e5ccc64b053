using System.CommandLine;

namespace Rari.Node.Commands;

/// <summary>
/// A sub-command whose implementation arrives with a later issue. It is listed in the help so that users see the
/// whole tool, and answers plainly that it is not built yet rather than pretending to work.
/// </summary>
public static class PendingCommand
{
    /// <summary>Exit code for a command that is not available in this build.</summary>
    public const int NotAvailableExitCode = 2;

    /// <summary>Creates the placeholder command; it accepts any arguments and exits with <see cref="NotAvailableExitCode"/>.</summary>
    public static Command Create(string name, string description, int issue)
    {
        var command = new Command(name, $"{description} (arrives with issue #{issue})")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine(
                $"rari: '{name}' is not available in this build yet; it arrives with issue #{issue}. Run 'rari --help' for what is.");
            return NotAvailableExitCode;
        });
        return command;
    }
}
