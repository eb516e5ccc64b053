namespace Rari.Backtest.Engine;

/// <summary>
/// Divides a non-negative decimal by a symbol's leverage and gives exactly what <c>value / leverage</c> gives — the same
/// digits and the same scale —, faster when the leverage divides a power of ten (1, 2, 4, 5, 8, 10, 20, 25, 50, 100,
/// 125, …: the common ones). The engine divides a position's value by its leverage for the available balance at every
/// bar while a position is open, and decimal division was a tenth of a quiet bar's cost.
/// </summary>
/// <remarks>
/// <para>How decimal division scales its result: the quotient starts at the dividend's scale (the divisor, an integer,
/// has none). If the leverage divides the dividend's digits there, that is the result. Otherwise more digits are
/// computed until the quotient is exact and the trailing zeros those digits added are removed — which leaves the
/// shortest exact quotient. For a leverage <c>L</c> dividing <c>10^k</c> the quotient is exact within <c>k</c> more
/// digits: <c>x / L = x × (10^k / L) / 10^k</c>, an integer product and a scale raised by <c>k</c>, from which the same
/// trailing zeros are removed.</para>
/// <para>Anything else — another leverage, a negative value, digits beyond 64 bits (before or after the product), a scale
/// that would pass 28 — is
/// divided by the decimal division itself. The specs compare both over seeded random values for every leverage.</para>
/// </remarks>
internal readonly struct LeverageDivisor
{
    private const int MaxScale = 28;

    private readonly int _leverage;
    private readonly ulong _multiplier;
    private readonly int _extraScale;

    /// <summary>Prepares division by <paramref name="leverage"/> (at least 1).</summary>
    public LeverageDivisor(int leverage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        _leverage = leverage;

        // The smallest power of ten the leverage divides, if one within 10^9 does.
        ulong power = 1;
        for (var k = 0; k <= 9; k++, power *= 10)
        {
            if (power % (ulong)leverage == 0)
            {
                _multiplier = power / (ulong)leverage;
                _extraScale = k;
                return;
            }
        }
    }

    /// <summary>The leverage divided by.</summary>
    public int Leverage => _leverage;

    /// <summary><paramref name="value"/> / leverage, bit for bit as the decimal division gives it.</summary>
    public decimal Divide(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (_multiplier == 0 || bits[2] != 0 || bits[3] < 0 || scale + _extraScale > MaxScale)
        {
            return value / _leverage;
        }

        var digits = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var whole = digits / (ulong)_leverage;
        if (whole * (ulong)_leverage == digits)
        {
            return new decimal((int)(uint)whole, (int)(uint)(whole >> 32), 0, false, (byte)scale);
        }

        // Not exact at the dividend's scale: exact k digits further; the zeros among those are dropped, as the division
        // drops them (it cannot be exact at the dividend's scale, so it never drops below it).
        var high = Math.BigMul(digits, _multiplier, out var product);
        if (high != 0)
        {
            return value / _leverage;
        }

        var resultScale = scale + _extraScale;
        while (product % 10 == 0)
        {
            product /= 10;
            resultScale--;
        }

        return new decimal((int)(uint)product, (int)(uint)(product >> 32), 0, false, (byte)resultScale);
    }
}
