using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rari.Actors.Serialization.Json;

/// <summary>
/// Adjusts System.Text.Json's reflection contracts to the Domain's records without attributes on the Domain types:
/// <list type="number">
/// <item>Computed properties (a getter, no setter, no constructor parameter — <c>OrderFilled.Symbol</c>,
/// <c>GridState.IsFlat</c>) are not written: they are derived from the rest, and some throw on an empty state.</item>
/// <item>A property the serializer could write but never read back (a non-public setter) is refused when the contract is
/// built, instead of being silently lost on recovery.</item>
/// <item>Interface and abstract types that registered types implement (<c>IStrategyEvent</c> in
/// <c>ChildDecided.Inner</c>, <c>IStrategyState</c> in <c>HybridSnapshot</c>) are written with a <c>"$type"</c> member
/// holding the value's manifest, and read back through the same registry.</item>
/// <item>Field-less singletons (<c>GetRiskStatus.Instance</c>) read back as their one instance.</item>
/// </list>
/// </summary>
internal sealed class RariJsonContract(MessageManifests manifests)
{
    /// <summary>The member that holds the manifest of a polymorphic value.</summary>
    public const string TypeMember = "$type";

    public void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if ((info.Type.IsInterface || info.Type.IsAbstract) && !typeof(IEnumerable).IsAssignableFrom(info.Type))
        {
            AddDerivedTypes(info);
            return;
        }

        RemoveComputedProperties(info);
        UseSingleton(info);
    }

    private void AddDerivedTypes(JsonTypeInfo info)
    {
        var derived = manifests.AssignableTo(info.Type);
        if (derived.Count == 0)
        {
            return;
        }

        var options = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = TypeMember,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            IgnoreUnrecognizedTypeDiscriminators = false,
        };
        foreach (var (manifest, type) in derived)
        {
            options.DerivedTypes.Add(new JsonDerivedType(type, manifest));
        }

        info.PolymorphismOptions = options;
    }

    private static void RemoveComputedProperties(JsonTypeInfo info)
    {
        var parameters = (info.ConstructorAttributeProvider as ConstructorInfo)?.GetParameters() ?? [];
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is not null || property.AttributeProvider is not PropertyInfo member || IsParameter(member.Name, parameters))
            {
                continue;
            }

            if (member.SetMethod is not null)
            {
                throw new NotSupportedException(
                    $"{info.Type.FullName}.{member.Name} has a non-public setter, so a journaled value could not be restored: " +
                    "make it an init property or a constructor parameter.");
            }

            info.Properties.RemoveAt(i);
        }
    }

    private static bool IsParameter(string name, ParameterInfo[] parameters)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void UseSingleton(JsonTypeInfo info)
    {
        if (info.Properties.Count > 0 || info.Type.IsValueType)
        {
            return;
        }

        var instance = info.Type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static);
        if (instance?.PropertyType == info.Type && instance.GetValue(null) is { } singleton)
        {
            info.CreateObject = () => singleton;
        }
    }
}
