using System.Globalization;
using System.Net;
using System.Text;

namespace Rari.Backtest.Reports.Charts;

/// <summary>
/// A small SVG chart with a UTC time axis and a value axis: lines, shaded areas, horizontal level segments and
/// buy/sell markers. It writes self-contained markup, so a report opens in any browser with no script or network.
/// </summary>
public sealed class SvgChart
{
    private const int Left = 78;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 34;

    private readonly int _width;
    private readonly int _height;
    private readonly string _title;
    private long _minX = long.MaxValue;
    private long _maxX = long.MinValue;
    private double _minY = double.MaxValue;
    private double _maxY = double.MinValue;
    private readonly List<Action<StringBuilder>> _pending = [];

    /// <summary>Starts an empty chart of the given size in pixels.</summary>
    public SvgChart(string title, int width = 1100, int height = 320)
    {
        _title = title;
        _width = width;
        _height = height;
    }

    /// <summary>Formats values on the value axis; plain numbers by default.</summary>
    public Func<double, string> ValueFormat { get; init; } = v => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Adds a line through the points (thinned to the chart's width).</summary>
    public SvgChart Line(IReadOnlyList<(long X, double Y)> points, string color, double strokeWidth = 1.2)
    {
        var thinned = Downsampler.MinMax(points, _width);
        Extend(thinned);
        _pending.Add(sb => sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"{strokeWidth}\" points=\"{Path(thinned)}\"/>"));
        return this;
    }

    /// <summary>Adds a shaded area between the points and the zero line (for drawdown).</summary>
    public SvgChart Area(IReadOnlyList<(long X, double Y)> points, string color)
    {
        var thinned = Downsampler.MinMax(points, _width);
        Extend(thinned);
        Include(0);
        _pending.Add(sb =>
        {
            if (thinned.Count == 0)
            {
                return;
            }

            var zero = Y(0);
            sb.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"{color}\" points=\"{X(thinned[0].X):0.#},{zero:0.#} {Path(thinned)} {X(thinned[^1].X):0.#},{zero:0.#}\"/>");
        });
        return this;
    }

    /// <summary>Adds horizontal segments, each at a price over a time span (grid levels).</summary>
    public SvgChart Levels(IEnumerable<(double Y, long FromX, long ToX)> segments, string color)
    {
        var list = segments.ToList();
        foreach (var (y, fromX, toX) in list)
        {
            Include(y);
            _minX = Math.Min(_minX, fromX);
            _maxX = Math.Max(_maxX, toX);
        }

        _pending.Add(sb =>
        {
            foreach (var (y, fromX, toX) in list)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(fromX):0.#}\" x2=\"{X(toX):0.#}\" y1=\"{Y(y):0.#}\" y2=\"{Y(y):0.#}\" stroke=\"{color}\" stroke-opacity=\"0.45\" stroke-dasharray=\"4 3\"/>");
            }
        });
        return this;
    }

    /// <summary>Adds triangle markers: pointing up for buys, down for sells.</summary>
    public SvgChart Markers(IEnumerable<(long X, double Y, bool IsBuy, string Tooltip)> markers)
    {
        var list = markers.ToList();
        foreach (var marker in list)
        {
            Include(marker.Y);
        }

        _pending.Add(sb =>
        {
            foreach (var (x, y, isBuy, tooltip) in list)
            {
                var (cx, cy) = (X(x), Y(y));
                var shape = isBuy
                    ? string.Create(CultureInfo.InvariantCulture, $"{cx:0.#},{cy + 1:0.#} {cx - 4:0.#},{cy + 8:0.#} {cx + 4:0.#},{cy + 8:0.#}")
                    : string.Create(CultureInfo.InvariantCulture, $"{cx:0.#},{cy - 1:0.#} {cx - 4:0.#},{cy - 8:0.#} {cx + 4:0.#},{cy - 8:0.#}");
                sb.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{shape}\" fill=\"{(isBuy ? "#1a9850" : "#d73027")}\"><title>{WebUtility.HtmlEncode(tooltip)}</title></polygon>");
            }
        });
        return this;
    }

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {_width} {_height}\" class=\"chart\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(_title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" class=\"chart-title\">{WebUtility.HtmlEncode(_title)}</text>");
        if (_minX > _maxX)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{_height / 2}\">no data</text></svg>");
            return sb.ToString();
        }

        AppendAxes(sb);
        foreach (var layer in _pending)
        {
            layer(sb);
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private void AppendAxes(StringBuilder sb)
    {
        foreach (var value in AxisTicks.Values(_minY, _maxY, target: Math.Max(3, _height / 60)))
        {
            var y = Y(value);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{_width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"tick\">{WebUtility.HtmlEncode(ValueFormat(value))}</text>");
        }

        foreach (var time in AxisTicks.Times(_minX, _maxX))
        {
            var x = X(time);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{_height - Bottom}\" class=\"grid\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{_height - Bottom + 16}\" text-anchor=\"middle\" class=\"tick\">{AxisTicks.TimeLabel(time)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{_width - Left - Right}\" height=\"{_height - Top - Bottom}\" class=\"frame\"/>");
    }

    private void Extend(IReadOnlyList<(long X, double Y)> points)
    {
        foreach (var (x, y) in points)
        {
            _minX = Math.Min(_minX, x);
            _maxX = Math.Max(_maxX, x);
            Include(y);
        }
    }

    private void Include(double y)
    {
        _minY = Math.Min(_minY, y);
        _maxY = Math.Max(_maxY, y);
    }

    private string Path(IReadOnlyList<(long X, double Y)> points)
    {
        var sb = new StringBuilder(points.Count * 14);
        foreach (var (x, y) in points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{X(x):0.#},{Y(y):0.#} ");
        }

        return sb.ToString().TrimEnd();
    }

    private double X(long x)
    {
        var span = Math.Max(1, _maxX - _minX);
        return Left + ((x - _minX) * (double)(_width - Left - Right) / span);
    }

    private double Y(double y)
    {
        var (min, max) = _maxY > _minY ? (_minY, _maxY) : (_minY - 1, _maxY + 1);
        var pad = (max - min) * 0.04;
        return Top + ((max + pad - y) * (_height - Top - Bottom) / (max - min + (2 * pad)));
    }
}
