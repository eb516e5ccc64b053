using System.Text.Json.Serialization;
using Rari.Aster.Sim.Faults;

namespace Rari.Aster.Sim.Admin;

/// <summary>Source-generated JSON (camelCase) for the admin endpoints' documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(RequestLogEntry))]
[JsonSerializable(typeof(IReadOnlyList<RequestLogEntry>))]
internal sealed partial class AdminJson : JsonSerializerContext;
