using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Rari.Actors.Serialization;
using Rari.Domain.Strategies.Grid;

namespace Rari.Actors.Tests.Support;

/// <summary>Round trips through <see cref="RariJson"/> and the comparison of an original with its copy.</summary>
public static class SerializationAssert
{
    private static readonly ConcurrentDictionary<Type, bool> ValueEquality = new();

    /// <summary>Writes <paramref name="sample"/> under its manifest and reads it back.</summary>
    public static object RoundTrip(object sample, RariJson? json = null)
    {
        json ??= RariJson.Default;
        return json.FromBytes(json.ToBytes(sample), json.ManifestOf(sample));
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> is a faithful copy of <paramref name="expected"/>: the same type, the same
    /// JSON (every member, every decimal's scale), and equal by the type's own equality wherever that compares by value
    /// (records without interface-typed collections, whose equality is by reference).
    /// </summary>
    public static void Faithful(object expected, object actual, RariJson? json = null)
    {
        json ??= RariJson.Default;
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(json.ToJson(expected), json.ToJson(actual));
        if (HasValueEquality(expected.GetType()))
        {
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>
    /// True when instances of <paramref name="type"/> compare by value all the way down: no member is an interface-typed
    /// collection (<c>IReadOnlyList</c>, <c>IReadOnlyDictionary</c>), whose record equality compares references.
    /// </summary>
    public static bool HasValueEquality(Type type) => ValueEquality.GetOrAdd(type, t => Check(t, []));

    private static bool Check(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Check(underlying, visiting);
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ValueList<>) || type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)))
        {
            return Check(type.GetGenericArguments()[0], visiting);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        if (type.IsInterface || type.IsAbstract || !visiting.Add(type))
        {
            return true;
        }

        var equals = type.GetMethod(nameof(Equals), [typeof(object)]);
        if (!type.IsValueType && equals?.DeclaringType == typeof(object))
        {
            return false;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && !Check(property.PropertyType, visiting))
            {
                return false;
            }
        }

        return true;
    }
}
