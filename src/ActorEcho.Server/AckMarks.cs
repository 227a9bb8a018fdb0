namespace ActorEcho.Server;

/// <summary>
/// The write positions (cumulative echoed bytes) at which an <see cref="EchoConnection"/> asked for an ack, oldest first: a ring
/// buffer that allocates only when it grows. Acks arrive in write order, so the oldest mark is the one an ack confirms; refused
/// (NACKed) writes are always the newest ones, so their marks come off the other end. The ring is allocated by the first mark: an
/// idle connection has none.
/// </summary>
internal sealed class AckMarks
{
    private const int InitialCapacity = 4;

    private long[] _marks = [];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>The newest mark; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Last => _marks[(_head + _count - 1) & (_marks.Length - 1)];

    public void Enqueue(long position)
    {
        if (_count == _marks.Length)
        {
            Grow();
        }

        _marks[(_head + _count) & (_marks.Length - 1)] = position;
        _count++;
    }

    /// <summary>Removes and returns the oldest mark; only valid when <see cref="Count"/> &gt; 0.</summary>
    public long Dequeue()
    {
        var position = _marks[_head];
        _head = (_head + 1) & (_marks.Length - 1);
        _count--;
        return position;
    }

    /// <summary>Drops the newest mark, if any.</summary>
    public void RemoveLast()
    {
        if (_count > 0)
        {
            _count--;
        }
    }

    private void Grow()
    {
        // Length stays a power of two so that the index wraps with a mask.
        var grown = new long[Math.Max(InitialCapacity, _marks.Length * 2)];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _marks[(_head + i) & (_marks.Length - 1)];
        }

        _marks = grown;
        _head = 0;
    }
}
