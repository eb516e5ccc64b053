namespace Rari.Domain.Indicators;

/// <summary>
/// Welford's running count, mean and sum of squared deviations (M2) of one series, add-only.
/// </summary>
/// <remarks>
/// Values are shifted by <see cref="Shift"/>, the first value added: x − K is exact for nearby prices, so the
/// running mean stays near zero and its rounding is relative to the deviations rather than to the price level.
/// Without the shift a 1e7 price moving ±3 loses nine digits of variance; with it the result is as good as a
/// two-pass computation.
/// </remarks>
internal struct Moments
{
    public int Count;
    public double Shift;
    public double ShiftedMean;
    public double M2;

    public readonly double Mean => Shift + ShiftedMean;

    public void Add(double x)
    {
        if (Count == 0)
        {
            Shift = x;
        }

        Count++;
        var y = x - Shift;
        var delta = y - ShiftedMean;
        ShiftedMean += delta / Count;
        M2 += delta * (y - ShiftedMean);
    }
}

/// <summary>
/// Welford's running means, M2s and co-moment Σ(x − x̄)(y − ȳ) of a pair of series, add-only and shifted like
/// <see cref="Moments"/>.
/// </summary>
internal struct CoMoments
{
    public int Count;
    public double ShiftX;
    public double ShiftY;
    public double MeanX;
    public double MeanY;
    public double M2X;
    public double M2Y;
    public double Cxy;

    public void Add(double x, double y)
    {
        if (Count == 0)
        {
            ShiftX = x;
            ShiftY = y;
        }

        Count++;
        var u = x - ShiftX;
        var v = y - ShiftY;
        var du = u - MeanX;
        var dv = v - MeanY;
        MeanX += du / Count;
        MeanY += dv / Count;
        M2X += du * (u - MeanX);
        M2Y += dv * (v - MeanY);
        Cxy += du * (v - MeanY);
    }
}
