using System.Globalization;

namespace Rari.Backtest.Output;

/// <summary>
/// A one-line progress bar redrawn in place (<c>\r</c>) on a terminal: <c>[#########-----------]  45 %  label</c>. It
/// redraws only when the whole percentage changes, so a fast loop can report as often as it likes. Thread-safe.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly Lock _gate = new();
    private int _shown = -1;
    private bool _done;

    /// <summary>Creates a bar that draws on <paramref name="writer"/> (stderr in the command line).</summary>
    public ProgressBar(TextWriter writer, string label)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _label = label ?? string.Empty;
    }

    /// <summary>Shows <paramref name="fraction"/> (0-1) of the work done.</summary>
    public void Report(double fraction)
    {
        var percent = (int)Math.Clamp(Math.Floor(fraction * 100), 0, 100);
        lock (_gate)
        {
            if (_done || percent == _shown)
            {
                return;
            }

            _shown = percent;
            var filled = percent * Width / 100;
            _writer.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {percent,3} %  {_label}"));
            _writer.Flush();
        }
    }

    /// <summary>Ends the line so that later output starts on a fresh one.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_done && _shown >= 0)
            {
                _writer.WriteLine();
                _writer.Flush();
            }

            _done = true;
        }
    }
}
