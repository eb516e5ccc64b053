using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;

namespace Rari.Actors.Symbols;

/// <summary>
/// An operator resumes a symbol that repeated strategy failures halted: the supervisor forgets the failures, lifts the
/// risk gate's manual halt of the symbol and starts the strategy again. Answered with <see cref="Risk.ControlResult"/>;
/// refused when the symbol is not halted. Nothing else resumes a halted symbol.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">Who resumes and why, for the log and the risk gate.</param>
public sealed record ResumeSymbol(Symbol Symbol, string Reason) : IWithSymbol, IRariMessage;

/// <summary>
/// Stops a symbol's supervisor gracefully: its strategy finishes the decision it is writing, then both stop. The shard
/// region's hand-off stop message (instead of a PoisonPill) and the passivation message.
/// </summary>
public sealed record StopSymbol : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static StopSymbol Instance { get; } = new();
}
