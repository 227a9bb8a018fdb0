using ActorEcho.TestKit;

namespace ActorEcho.Actors.Tests.Infrastructure;

/// <summary>Asks a <see cref="LifecycleWatcher"/> to watch <paramref name="Target"/> (with WatchWith when <paramref name="CustomMessage"/> is set).</summary>
public sealed record LifecycleWatch(IActorRef Target, object? CustomMessage = null);

/// <summary>Asks a <see cref="LifecycleWatcher"/> to unwatch <paramref name="Target"/>.</summary>
public sealed record LifecycleUnwatch(IActorRef Target);

/// <summary>Acknowledges a <see cref="LifecycleWatch"/> or <see cref="LifecycleUnwatch"/> (sent back to the sender).</summary>
public sealed record LifecycleAck(string What);

/// <summary>A <see cref="LifecycleWatcher"/> received Terminated for <paramref name="Actor"/>.</summary>
/// <remarks>Terminated itself cannot be forwarded: like Akka, the recipient drops a Terminated for an actor it does not watch.</remarks>
public sealed record LifecycleTerminatedSeen(IActorRef Actor);

/// <summary>
/// Watches what it is told to, reports Terminated as <see cref="LifecycleTerminatedSeen"/> and forwards everything else it
/// receives (WatchWith messages, plain messages) to the reporter as is. <see cref="LifecycleBlock"/> reports "blocked" and waits for its gate.
/// </summary>
public sealed class LifecycleWatcher : ReceiveActor
{
    public LifecycleWatcher(IActorRef reporter)
    {
        Receive<LifecycleWatch>(w =>
        {
            if (w.CustomMessage is null)
            {
                Context.Watch(w.Target);
            }
            else
            {
                Context.WatchWith(w.Target, w.CustomMessage);
            }

            Sender.Tell(new LifecycleAck("watch"), Self);
        });
        Receive<LifecycleUnwatch>(u =>
        {
            Context.Unwatch(u.Target);
            Sender.Tell(new LifecycleAck("unwatch"), Self);
        });
        Receive<LifecycleBlock>(b =>
        {
            reporter.Tell(new LifecycleEvent("watcher", "blocked", 1), Self);
            b.Gate.Wait(LifecycleActor.MaxBlock);
        });
        Receive<Terminated>(t => reporter.Tell(new LifecycleTerminatedSeen(t.ActorRef), Self));
        ReceiveAny(m => reporter.Tell(m, Self));
    }

    public static Props CreateProps(IActorRef reporter) => Props.Create(() => new LifecycleWatcher(reporter));
}

/// <summary>Watches <c>target</c> from PreStart and handles no message at all, so its Terminated becomes a DeathPactException.</summary>
public sealed class LifecycleDeathPactWatcher : ReceiveActor
{
    private readonly IActorRef _target;

    public LifecycleDeathPactWatcher(IActorRef target) => _target = target;

    public static Props CreateProps(IActorRef target) => Props.Create(() => new LifecycleDeathPactWatcher(target));

    protected override void PreStart() => Context.Watch(_target);
}

/// <summary>Expectation helpers for the lifecycle and supervision tests.</summary>
public static class LifecycleExpectations
{
    /// <summary>Takes exactly <paramref name="count"/> messages (with their senders), failing if they do not all arrive in time.</summary>
    public static async Task<IReadOnlyList<ReceivedMessage>> ReceiveLifecycleMessagesAsync(this TestKitBase kit, int count, TimeSpan? max = null)
    {
        var received = new List<ReceivedMessage>(count);
        var wait = max ?? TimeSpan.FromSeconds(3);
        var deadline = DateTime.UtcNow + kit.Dilated(wait);
        while (received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            var next = left > TimeSpan.Zero ? await kit.ReceiveOneAsync(left) : null;
            if (next is null)
            {
                throw new TestKitAssertionException(
                    $"Expected {count} messages, got {received.Count}: [{string.Join(", ", received.Select(r => r.Message))}]");
            }

            received.Add(next);
        }

        return received;
    }

    /// <summary>Asserts that <paramref name="first"/> occurs in <paramref name="messages"/> before <paramref name="second"/> (both once).</summary>
    public static void AssertOrder(IReadOnlyList<ReceivedMessage> messages, object first, object second)
    {
        var all = messages.Select(m => m.Message).ToList();
        var a = all.IndexOf(first);
        var b = all.IndexOf(second);
        Assert.True(a >= 0, $"{first} missing from [{string.Join(", ", all)}]");
        Assert.True(b >= 0, $"{second} missing from [{string.Join(", ", all)}]");
        Assert.True(a < b, $"{first} expected before {second} in [{string.Join(", ", all)}]");
    }

    /// <summary>The messages of one actor (by the Actor field of the lifecycle records), in arrival order.</summary>
    public static List<object> OfActor(IReadOnlyList<ReceivedMessage> messages, string actor) =>
        messages.Select(m => m.Message).Where(m => m switch
        {
            LifecycleEvent e => e.Actor == actor,
            LifecyclePreRestart p => p.Actor == actor,
            LifecyclePostRestart p => p.Actor == actor,
            LifecycleReceived r => r.Actor == actor,
            _ => false,
        }).ToList();
}

/// <summary>More expectation helpers for the lifecycle and supervision tests.</summary>
public static class LifecycleReceiveUntil
{
    /// <summary>Takes messages until one matches <paramref name="last"/> (included), failing if it does not arrive in time.</summary>
    public static async Task<IReadOnlyList<object>> ReceiveLifecycleUntilAsync(this TestKitBase kit, Func<object, bool> last, TimeSpan? max = null)
    {
        var received = new List<object>();
        var deadline = DateTime.UtcNow + kit.Dilated(max ?? TimeSpan.FromSeconds(3));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = left > TimeSpan.Zero ? await kit.ReceiveOneAsync(left) : null;
            if (next is null)
            {
                throw new TestKitAssertionException($"The awaited message did not arrive; got [{string.Join(", ", received)}]");
            }

            received.Add(next.Message);
            if (last(next.Message))
            {
                return received;
            }
        }
    }
}
