namespace ActorEcho.Configuration;

/// <summary>An immutable HOCON array.</summary>
public sealed class HoconArray : HoconValue
{
    private readonly HoconValue[] _items;

    /// <summary>Creates an array from the given values, in order.</summary>
    public HoconArray(IEnumerable<HoconValue> items)
        : this(ToArray(items), null)
    {
    }

    internal HoconArray(HoconValue[] items, HoconPosition? position)
        : base(position, 1 + MaxDepth(items), 1 + TotalSize(items))
    {
        _items = items;
    }

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Array;

    /// <summary>Gets the elements in order.</summary>
    public IReadOnlyList<HoconValue> Items => _items;

    /// <inheritdoc />
    public override bool Equals(HoconValue? other)
    {
        if (other is not HoconArray array || array._items.Length != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(array._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        foreach (var item in _items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }

    private static HoconValue[] ToArray(IEnumerable<HoconValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        foreach (var item in array)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
        }

        return array;
    }

    private static int MaxDepth(HoconValue[] items)
    {
        var depth = 0;
        foreach (var item in items)
        {
            depth = Math.Max(depth, item.Depth);
        }

        return depth;
    }

    private static long TotalSize(HoconValue[] items)
    {
        long size = 0;
        foreach (var item in items)
        {
            size += item.Size;
        }

        return size;
    }
}
