namespace Rari.Aster.Signing;

/// <summary>
/// Typed structs for the actions the <b>main wallet</b> signs itself (fact sheet §2.5), under the usual
/// <c>AsterSignTransaction</c> domain with chainId = the request's <c>signatureChainId</c>.
/// </summary>
/// <remarks>
/// Member names are the request parameter names with the first letter capitalised; their order is the one the
/// reference client signs, which differs from the order the parameters are transmitted in.
/// </remarks>
public static class MainWalletActions
{
    /// <summary>
    /// <c>ApproveBuilder(string Builder,string MaxFeeRate,string BuilderName,string AsterChain,string User,uint256 Nonce)</c>
    /// as ccxt signs it for <c>POST /fapi/v3/approveBuilder</c>. Texts are signed exactly as sent (ccxt sends the
    /// builder checksummed and the user lowercase).
    /// </summary>
    public static Eip712Struct ApproveBuilder(
        string builder, string maxFeeRate, string builderName, string asterChain, string user, long nonce) =>
        new("ApproveBuilder",
        [
            Eip712Field.String("Builder", builder),
            Eip712Field.String("MaxFeeRate", maxFeeRate),
            Eip712Field.String("BuilderName", builderName),
            Eip712Field.String("AsterChain", asterChain),
            Eip712Field.String("User", user),
            Eip712Field.Uint256("Nonce", nonce),
        ]);

    /// <summary>
    /// Builds the struct of any main-wallet action from its parameters the way the docs' demo does: each name
    /// with its first letter capitalised, in the given order; <see cref="bool"/> values become <c>bool</c>,
    /// <see cref="long"/> values <c>uint256</c>, and text stays <c>string</c>.
    /// </summary>
    /// <param name="primaryType">The action's type name, e.g. <c>ApproveAgent</c>, <c>DelAgent</c>, <c>UpdateBuilder</c>.</param>
    /// <param name="parameters">The signed parameters, each a <see cref="string"/>, <see cref="long"/> or <see cref="bool"/>.</param>
    public static Eip712Struct FromParameters(string primaryType, IEnumerable<KeyValuePair<string, object>> parameters) =>
        new(primaryType, parameters.Select(p => ToField(Capitalise(p.Key), p.Value)));

    private static Eip712Field ToField(string name, object value) => value switch
    {
        bool flag => Eip712Field.Bool(name, flag),
        long number => Eip712Field.Uint256(name, number),
        int number => Eip712Field.Uint256(name, number),
        string text => Eip712Field.String(name, text),
        _ => throw new ArgumentException(
            $"Parameter '{name}' is a {value.GetType().Name}; main-wallet actions take text, whole numbers or booleans.",
            nameof(value)),
    };

    private static string Capitalise(string name) =>
        name.Length == 0 ? name : string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
}
