using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Rari.Actors.Serialization.Manifests;

namespace Rari.Actors.Serialization;

/// <summary>
/// The registry of stable manifests: a short, versioned name for every type that is journaled or crosses the cluster,
/// e.g. <c>grid.order-placed.v1</c> ↔ <c>GridOrderPlaced</c>. The journal stores the manifest next to each payload, so
/// renaming or moving a C# type never breaks a journal; only the manifest is the contract.
/// </summary>
/// <remarks>
/// <para><b>Adding a type.</b> Every concrete type of the bound families (<see cref="IRariMessage"/>,
/// <c>IStrategyEvent</c>, <c>IOrderEvent</c>, <c>IRiskEvent</c>, <c>IStrategyState</c>) must be registered, or it
/// cannot be serialized (a spec fails naming the type and the file to edit). Add one line to the family's file in
/// <c>Serialization/Manifests/</c>, e.g. <c>.Add&lt;GridOrderPlaced&gt;("grid.order-placed.v1")</c>.</para>
/// <para><b>Adding a family</b> (an actor's own journal events or protocol): create
/// <c>Serialization/Manifests/&lt;Family&gt;Manifests.cs</c> with an <c>internal static void Register(MessageManifests.Builder manifests)</c>,
/// and add it to <see cref="Default"/>'s list below. Give its types a prefix of their own (<c>gateway.</c>,
/// <c>grid-actor.</c>).</para>
/// <para><b>Naming.</b> <c>family.kebab-name.vN</c>: lower-case letters, digits, dots and dashes, ending in a version.
/// A manifest, once released, is never renamed and never reused for another shape.</para>
/// <para><b>Changing a type.</b> Renaming or moving the C# type: nothing to do. Adding a member: give it a default value
/// (a constructor parameter with a default, or an init property), so older payloads still read (a constructor parameter
/// without default is required, and an old payload without it fails loudly). Removing a member: allowed, old payloads
/// keep the value and it is ignored. Anything that changes the meaning or type of a member: register the new shape
/// under the next version (<c>.v2</c>) and keep reading <c>.v1</c> (keep the old record, or register a type that
/// converts it).</para>
/// </remarks>
public sealed partial class MessageManifests
{
    private readonly FrozenDictionary<Type, string> _manifests;
    private readonly FrozenDictionary<string, Type> _types;
    private readonly KeyValuePair<string, Type>[] _entries;

    private MessageManifests(FrozenDictionary<Type, string> manifests, FrozenDictionary<string, Type> types)
    {
        _manifests = manifests;
        _types = types;
        _entries = [.. types.OrderBy(entry => entry.Key, StringComparer.Ordinal)];
    }

    /// <summary>Every manifest of the trader: the Domain's journaled families and the actors' protocol.</summary>
    public static MessageManifests Default { get; } = new Builder()
        .Family(OrderEventManifests.Register)
        .Family(GridManifests.Register)
        .Family(VolatilityManifests.Register)
        .Family(HybridManifests.Register)
        .Family(RiskManifests.Register)
        .Family(ProtocolManifests.Register)
        .Family(ActorManifests.Register)
        .Build();

    /// <summary>Every (manifest, type) pair, sorted by manifest.</summary>
    public IReadOnlyList<KeyValuePair<string, Type>> Entries => _entries;

    /// <summary>The number of registered types.</summary>
    public int Count => _types.Count;

    /// <summary>The manifest of <paramref name="type"/>, when registered.</summary>
    public bool TryGetManifest(Type type, out string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        return _manifests.TryGetValue(type, out manifest!);
    }

    /// <summary>The type registered under <paramref name="manifest"/>, when there is one.</summary>
    public bool TryGetType(string manifest, out Type type)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return _types.TryGetValue(manifest, out type!);
    }

    /// <summary>The manifest of <paramref name="type"/>.</summary>
    /// <exception cref="KeyNotFoundException">The type is not registered; the message says where to add it.</exception>
    public string ManifestOf(Type type) =>
        TryGetManifest(type, out var manifest) ? manifest : throw new KeyNotFoundException(Unregistered(type));

    /// <summary>The type registered under <paramref name="manifest"/>.</summary>
    /// <exception cref="KeyNotFoundException">No type has this manifest (a journal written by a newer version, or a manifest removed by mistake).</exception>
    public Type TypeOf(string manifest) =>
        TryGetType(manifest, out var type) ? type : throw new KeyNotFoundException(Unknown(manifest));

    /// <summary>The registered concrete types assignable to <paramref name="baseType"/>, sorted by manifest.</summary>
    public IReadOnlyList<KeyValuePair<string, Type>> AssignableTo(Type baseType)
    {
        ArgumentNullException.ThrowIfNull(baseType);
        var list = new List<KeyValuePair<string, Type>>();
        foreach (var entry in _entries)
        {
            if (baseType.IsAssignableFrom(entry.Value))
            {
                list.Add(entry);
            }
        }

        return list;
    }

    /// <summary>Why <paramref name="type"/> cannot be serialized, and where to register it.</summary>
    internal static string Unregistered(Type type) =>
        $"{type.FullName} has no serialization manifest: register it in src/Rari.Actors/Serialization/Manifests/ " +
        $"(e.g. .Add<{type.Name}>(\"family.{Settings.ConfigText.Kebab(type.Name)}.v1\")).";

    /// <summary>Why a payload written under <paramref name="manifest"/> cannot be read.</summary>
    internal static string Unknown(string manifest) =>
        $"No type is registered under the manifest '{manifest}': the payload was written by another version of Rari, " +
        "or a manifest was removed from src/Rari.Actors/Serialization/Manifests/ (manifests are never removed or renamed).";

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestPattern();

    /// <summary>Collects manifests family by family; refuses duplicates, bad names and non-concrete types.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<Type, string> _manifests = [];
        private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

        /// <summary>Registers <typeparamref name="T"/> under <paramref name="manifest"/>.</summary>
        /// <exception cref="ArgumentException">The name is malformed, or the manifest or the type is already registered, or the type is abstract.</exception>
        public Builder Add<T>(string manifest) => Add(typeof(T), manifest);

        /// <summary>Registers <paramref name="type"/> under <paramref name="manifest"/>.</summary>
        /// <exception cref="ArgumentException">The name is malformed, or the manifest or the type is already registered, or the type is abstract.</exception>
        public Builder Add(Type type, string manifest)
        {
            ArgumentNullException.ThrowIfNull(type);
            ArgumentNullException.ThrowIfNull(manifest);
            if (!ManifestPattern().IsMatch(manifest))
            {
                throw new ArgumentException(
                    $"Manifest '{manifest}' of {type.Name} is malformed: write family.kebab-name.vN, e.g. grid.order-placed.v1.", nameof(manifest));
            }

            if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
            {
                throw new ArgumentException($"{type.FullName} is not a concrete type; register the types that are sent or journaled.", nameof(type));
            }

            if (_types.TryGetValue(manifest, out var other))
            {
                throw new ArgumentException($"Manifest '{manifest}' is taken by {other.FullName}; {type.FullName} needs a manifest of its own.", nameof(manifest));
            }

            if (_manifests.TryGetValue(type, out var existing))
            {
                throw new ArgumentException($"{type.FullName} is already registered as '{existing}'.", nameof(type));
            }

            _manifests.Add(type, manifest);
            _types.Add(manifest, type);
            return this;
        }

        /// <summary>Registers one family through its <c>Register</c> method.</summary>
        public Builder Family(Action<Builder> register)
        {
            ArgumentNullException.ThrowIfNull(register);
            register(this);
            return this;
        }

        /// <summary>The immutable registry.</summary>
        public MessageManifests Build() =>
            new(_manifests.ToFrozenDictionary(), _types.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
