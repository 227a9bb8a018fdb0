namespace ActorEcho.Actors.Event;

/// <summary>
/// The actor system's publish/subscribe bus: actors subscribe to a message type (or a base type) and receive every published
/// event assignable to it. Dead letters, unhandled messages and log events are published here.
/// </summary>
/// <remarks>Subscriptions are a copy-on-write array, so publishing takes no lock and subscribing is the rare, costly side.</remarks>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (Array.Exists(_subscriptions, s => s.Subscriber.Equals(subscriber) && s.Channel == channel))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription; false if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var remaining = Array.FindAll(_subscriptions, s => !(s.Subscriber.Equals(subscriber) && s.Channel == channel));
            var removed = remaining.Length != _subscriptions.Length;
            _subscriptions = remaining;
            return removed;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => !s.Subscriber.Equals(subscriber));
        }
    }

    /// <summary>Delivers <paramref name="event"/> to every subscriber of a matching channel, with no sender.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel.IsAssignableFrom(type))
            {
                subscription.Subscriber.Tell(@event, null);
            }
        }
    }

    /// <summary>True when someone subscribes to a channel that <paramref name="eventType"/> events would reach; lets publishers skip building events.</summary>
    public bool HasSubscribers(Type eventType)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Channel.IsAssignableFrom(eventType))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Subscription(IActorRef Subscriber, Type Channel);
}
