namespace Rari.Domain.Risk;

/// <summary>Why trading was restricted. Journaled: values are never renumbered.</summary>
public enum HaltCause : byte
{
    /// <summary>An operator halted, reduced or flattened by hand.</summary>
    Manual = 1,

    /// <summary>Equity fell to the daily loss limit below the UTC day's starting equity.</summary>
    DailyLoss = 2,

    /// <summary>Equity fell to the maximum drawdown below its peak.</summary>
    MaxDrawdown = 3,

    /// <summary>The exchange kept failing (timeouts, 5xx, rejected requests) beyond the gateway's retries.</summary>
    ExchangeFailures = 4,

    /// <summary>The exchange refused our credentials or signature.</summary>
    AuthenticationFailure = 5,

    /// <summary>Our orders or positions disagree with the exchange's and reconciliation could not settle it.</summary>
    ReconciliationMismatch = 6,

    /// <summary>The user data stream went silent, so fills and order updates may be missing.</summary>
    UserStreamStale = 7,
}

/// <summary>Words for halt causes in reasons and logs.</summary>
internal static class HaltCauseText
{
    /// <summary>True for the causes a critical error reports (everything but manual and loss halts).</summary>
    public static bool IsCriticalError(HaltCause cause) =>
        cause is HaltCause.ExchangeFailures or HaltCause.AuthenticationFailure or HaltCause.ReconciliationMismatch or HaltCause.UserStreamStale;

    /// <summary>A short phrase, e.g. "authentication failure".</summary>
    public static string Describe(HaltCause cause) => cause switch
    {
        HaltCause.Manual => "manual halt",
        HaltCause.DailyLoss => "daily loss limit",
        HaltCause.MaxDrawdown => "maximum drawdown",
        HaltCause.ExchangeFailures => "repeated exchange failures",
        HaltCause.AuthenticationFailure => "authentication failure",
        HaltCause.ReconciliationMismatch => "unresolved reconciliation mismatch",
        HaltCause.UserStreamStale => "stale user data stream",
        _ => cause.ToString(),
    };
}
