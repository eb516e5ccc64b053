namespace Rari.Venue.Matching;

/// <summary>The traded volume of the last few market-data events, for the synthetic book's depth.</summary>
/// <remarks>Adding is a store into a ring; the average is summed only when a market order needs it.</remarks>
internal sealed class VolumeWindow
{
    private readonly decimal[] _volumes;
    private int _next;
    private int _count;

    public VolumeWindow(int size) => _volumes = new decimal[size];

    public void Add(decimal volume)
    {
        _volumes[_next] = volume;
        _next = _next + 1 == _volumes.Length ? 0 : _next + 1;
        if (_count < _volumes.Length)
        {
            _count++;
        }
    }

    /// <summary>The mean volume of the remembered events; 0 when none was seen.</summary>
    public decimal Average()
    {
        if (_count == 0)
        {
            return 0m;
        }

        var total = 0m;
        for (var i = 0; i < _count; i++)
        {
            total += _volumes[i];
        }

        return total / _count;
    }
}
