using System.Diagnostics.CodeAnalysis;

namespace Rari.Venue.Commands;

/// <summary>
/// The answer to one command: either the data the command produced (<see cref="Value"/>) or the Aster error that
/// refused it (<see cref="Error"/>). A refused command changed nothing.
/// </summary>
/// <typeparam name="T">The data a successful command returns.</typeparam>
public sealed record VenueResult<T>
{
    private readonly T? _value;

    internal VenueResult(T? value, VenueError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Why the command was refused; null on success.</summary>
    public VenueError? Error { get; }

    /// <summary>True when the command succeeded and <see cref="Value"/> holds its data.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The command's data.</summary>
    /// <exception cref="InvalidOperationException">The command was refused; read <see cref="Error"/>.</exception>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The command was refused ({Error}); there is no value.");
}

/// <summary>Builds <see cref="VenueResult{T}"/> values.</summary>
public static class VenueResult
{
    /// <summary>A successful result carrying <paramref name="value"/>.</summary>
    public static VenueResult<T> Success<T>(T value) => new(value, null);

    /// <summary>A refusal with <paramref name="error"/>.</summary>
    public static VenueResult<T> Failure<T>(VenueError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new VenueResult<T>(default, error);
    }
}
