namespace Rari.Backtest.Engine;

/// <summary>
/// A backtest stopped because a strategy (or the venue) threw: the message says when, on which symbol and in which
/// call, and the inner exception is the original. Nothing of the run is reported.
/// </summary>
public sealed class BacktestFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BacktestFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BacktestFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the original exception.</summary>
    public BacktestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
