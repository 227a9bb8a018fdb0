using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// The progress of a run while it goes: elapsed time, phase, current rate, errors, connections open. On a terminal a Spectre.Console
/// status line redrawn four times a second; otherwise one plain line a second.
/// </summary>
internal sealed class BenchProgress
{
    private readonly BenchConsole _console;
    private readonly BenchRun _run;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastTick;
    private long _lastOperations;
    private long _lastPrinted;

    /// <summary>Reports on <paramref name="run"/> to <paramref name="console"/>.</summary>
    public BenchProgress(BenchConsole console, BenchRun run)
    {
        _console = console;
        _run = run;
        _lastTick = _started;
    }

    /// <summary>How often <see cref="Tick"/> should be called.</summary>
    public TimeSpan Interval => _console.Interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(1);

    /// <summary>The live status line, when interactive.</summary>
    public StatusContext? Status { get; set; }

    /// <summary>Redraws (or prints) the progress line for <paramref name="phase"/>.</summary>
    public void Tick(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        long operations = 0, errors = 0, open = 0;
        foreach (var stats in _run.Stats)
        {
            operations += stats.Operations;
            errors += stats.Errors;
            open += stats.Socket is null ? 0 : 1;
        }

        var seconds = StopwatchTicks.ToSeconds(now - _lastTick);
        var rate = seconds > 0 ? (operations - _lastOperations) / seconds : 0;
        _lastTick = now;
        _lastOperations = operations;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{StopwatchTicks.ToSeconds(now - _started),6:F1} s  {phase,-10} {rate,12:N0} ops/s  {operations,14:N0} ops  {errors:N0} errors  {open:N0}/{_run.Stats.Length:N0} open");
        if (Status is { } status)
        {
            status.Status(Markup.Escape(line));
        }
        else if (!_console.Interactive && StopwatchTicks.ToSeconds(now - _lastPrinted) >= 0.9)
        {
            _lastPrinted = now;
            _console.Out.WriteLine("progress " + line.Trim());
        }
    }
}
