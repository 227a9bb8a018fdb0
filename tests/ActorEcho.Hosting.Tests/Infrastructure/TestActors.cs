namespace ActorEcho.Hosting.Tests.Infrastructure;

/// <summary>Replies to every message with the same message.</summary>
public sealed class EchoActor : ActorBase
{
    protected override bool Receive(object message)
    {
        Sender.Tell(message, Self);
        return true;
    }
}

/// <summary>A singleton service that greets.</summary>
public sealed class Greeting
{
    public string Greet(string name) => "hello, " + name;
}

/// <summary>Records which <see cref="ScopedResource"/>s were disposed, as tasks a test can await.</summary>
public sealed class DisposalLog
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, TaskCompletionSource> _disposed = new();

    public Task WhenDisposed(int id) => Entry(id).Task;

    public bool IsDisposed(int id) => Entry(id).Task.IsCompleted;

    public void Disposed(int id) => Entry(id).TrySetResult();

    private TaskCompletionSource Entry(int id) => _disposed.GetOrAdd(id, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>A scoped service that reports its own disposal to the <see cref="DisposalLog"/>.</summary>
public sealed class ScopedResource(DisposalLog log) : IDisposable
{
    private static int s_counter;

    public int Id { get; } = Interlocked.Increment(ref s_counter);

    public void Dispose() => log.Disposed(Id);
}

/// <summary>An actor whose dependencies come from the container: a singleton, a scoped service and a caller-given name.</summary>
public sealed class GreeterActor : ActorBase
{
    private readonly Greeting _greeting;
    private readonly ScopedResource _resource;
    private readonly string _prefix;

    public GreeterActor(Greeting greeting, ScopedResource resource, string prefix)
    {
        _greeting = greeting;
        _resource = resource;
        _prefix = prefix;
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case "scope":
                Sender.Tell(_resource.Id, Self);
                return true;
            case "fail":
                throw new InvalidOperationException("greeter failed");
            case string name:
                Sender.Tell(_prefix + _greeting.Greet(name), Self);
                return true;
            default:
                return false;
        }
    }
}
