using System.Globalization;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>What happens to the outgoing strategy's position when the hybrid switches children. Configured; never renumbered.</summary>
public enum SwitchPositionMode : byte
{
    /// <summary>Close it with a reduce-only MARKET order before the incoming strategy starts.</summary>
    Close = 1,

    /// <summary>Hand it to the incoming strategy, which protects and exits it as its own.</summary>
    HandOver = 2,
}

/// <summary>What the hybrid does when the market turns extreme. Configured; never renumbered.</summary>
public enum ExtremeAction : byte
{
    /// <summary>The active child keeps its position and exits but may open nothing new (it sees <see cref="TradingState.Reducing"/>).</summary>
    Reduce = 1,

    /// <summary>Cancel the active child's orders and close its position at market; nobody trades until the extreme passes.</summary>
    Close = 2,
}

/// <summary>The hybrid strategy's parameters (HOCON block <c>rari.hybrid</c>).</summary>
/// <remarks>
/// Defaults: close the outgoing position on a switch (a clean start for the incoming strategy, whose sizing and exits
/// assume positions it opened itself); reduce, not close, in extremes (forced market orders into an extreme market pay
/// the worst prices, while the children's resting exits already limit the loss); wait up to 30 seconds for cancel
/// confirmations before starting the incoming strategy anyway.
/// </remarks>
public sealed record HybridSettings
{
    /// <summary>The defaults.</summary>
    public static HybridSettings Default { get; } = new();

    /// <summary>The regime detector's parameters.</summary>
    public RegimeSettings Regime { get; init; } = RegimeSettings.Default;

    /// <summary>What happens to the outgoing position on a switch. Default close.</summary>
    public SwitchPositionMode SwitchPosition { get; init; } = SwitchPositionMode.Close;

    /// <summary>What happens when the market turns extreme. Default reduce.</summary>
    public ExtremeAction OnExtreme { get; init; } = ExtremeAction.Reduce;

    /// <summary>
    /// How long to wait for the outgoing strategy's cancels to be confirmed. After it the switch proceeds (the cancels are
    /// re-sent once), so that a lost confirmation cannot freeze the symbol; reconciliation settles the truth. Default 30 s.
    /// </summary>
    public TimeSpan CancelTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Regime is null)
        {
            errors.Add("regime: must be set.");
        }
        else
        {
            errors.AddRange(Regime.Validate());
        }

        if (!Enum.IsDefined(SwitchPosition))
        {
            errors.Add(Text($"switch-position = {SwitchPosition}: use close or hand-over."));
        }

        if (!Enum.IsDefined(OnExtreme))
        {
            errors.Add(Text($"on-extreme = {OnExtreme}: use reduce or close."));
        }

        if (CancelTimeout <= TimeSpan.Zero)
        {
            errors.Add(Text($"cancel-timeout = {CancelTimeout}: must be positive."));
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds anything, listing every problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid hybrid settings: " + string.Join(" ", errors));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
