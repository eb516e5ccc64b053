namespace Rari.Aster.Models;

/// <summary>
/// Another spelling the venue uses for an enum member, besides its SCREAMING_SNAKE form (e.g. <c>cross</c> for
/// <see cref="AsterMarginType.Crossed"/> in positionRisk).
/// </summary>
/// <param name="name">The alternative spelling.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The alternative spelling, matched without regard to case.</summary>
    public string Name { get; } = name;
}
