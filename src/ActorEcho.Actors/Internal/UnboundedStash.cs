using ActorEcho.Actors.Dispatch;

namespace ActorEcho.Actors.Internal;

/// <summary>The stash behind <see cref="IWithStash"/>; used only on its actor's turn.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = [];

    public int Count => _stashed.Count;

    public void Stash()
    {
        var message = cell.CurrentMessage ?? throw new IllegalActorStateException("There is no current message to stash.");
        if (_stashed.Count > 0 && ReferenceEquals(_stashed[^1].Message, message) && Equals(_stashed[^1].Sender, cell.CurrentSender))
        {
            throw new IllegalActorStateException($"Cannot stash the same message twice: {message.GetType().Name}.");
        }

        _stashed.Add(new Envelope(message, cell.CurrentSender));
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Prepend([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<object, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = new List<Envelope>(_stashed.Count);
        _stashed.RemoveAll(envelope =>
        {
            if (predicate(envelope.Message))
            {
                selected.Add(envelope);
                return true;
            }

            return false;
        });
        cell.Prepend(selected);
    }

    public IReadOnlyList<object> ClearStash() => TakeAll().ConvertAll(static e => e.Message);

    internal List<Envelope> TakeAll()
    {
        var all = new List<Envelope>(_stashed);
        _stashed.Clear();
        return all;
    }
}
