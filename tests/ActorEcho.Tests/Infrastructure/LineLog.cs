namespace ActorEcho.Tests.Infrastructure;

/// <summary>The lines of one output stream of a child process, collected as they arrive, with bounded waits for a line.</summary>
internal sealed class LineLog
{
    private readonly object _gate = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _completed;

    /// <summary>Every line received so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Reads <paramref name="reader"/> to its end, appending each line.</summary>
    public async Task PumpAsync(TextReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                Signal(() => _lines.Add(line));
            }
        }
        finally
        {
            Signal(() => _completed = true);
        }
    }

    /// <summary>Waits for the first line matching <paramref name="predicate"/>; fails when the stream ends or the timeout passes first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var match = _lines.FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                if (_completed)
                {
                    throw new InvalidOperationException($"The stream ended without {what}. Lines:\n{string.Join('\n', _lines)}");
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {what} within {timeout}. Lines:\n{string.Join('\n', Lines)}");
            }
        }
    }

    /// <summary>Waits (bounded) until the stream has ended, so <see cref="Lines"/> is complete.</summary>
    public async Task WaitForEndAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_completed)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cts.Token);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal(Action change)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            change();
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }
}
