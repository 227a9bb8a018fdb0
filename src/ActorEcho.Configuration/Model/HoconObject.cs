namespace ActorEcho.Configuration;

/// <summary>
/// An immutable HOCON object whose fields keep their first-definition order. This is the root of a parsed document.
/// </summary>
public sealed class HoconObject : HoconValue
{
    private readonly OrderedDictionary<string, HoconValue> _fields;

    /// <summary>Creates an object from fields; a repeated key keeps the last value.</summary>
    public HoconObject(IEnumerable<KeyValuePair<string, HoconValue>> fields)
        : this(ToDictionary(fields), null)
    {
    }

    internal HoconObject(OrderedDictionary<string, HoconValue> fields, HoconPosition? position)
        : base(position, 1 + MaxDepth(fields), 1 + TotalSize(fields))
    {
        _fields = fields;
    }

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Object;

    /// <summary>Gets the number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>Gets the field names in order.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>Gets the fields in order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> Fields => _fields;

    internal OrderedDictionary<string, HoconValue> FieldMap => _fields;

    /// <summary>Gets the value of a direct field (no path splitting).</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconValue? value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>
    /// Finds the value at a HOCON path expression such as <c>actorecho.io."tcp.port"</c>; returns null when any step is missing.
    /// </summary>
    public HoconValue? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        HoconValue current = this;
        foreach (var segment in Parsing.HoconPath.Parse(path).Segments)
        {
            if (current is not HoconObject obj || !obj._fields.TryGetValue(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <inheritdoc />
    public override bool Equals(HoconValue? other)
    {
        if (other is not HoconObject obj || obj._fields.Count != _fields.Count)
        {
            return false;
        }

        foreach (var (key, value) in _fields)
        {
            if (!obj._fields.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = _fields.Count;
        foreach (var key in _fields.Keys)
        {
            hash ^= StringComparer.Ordinal.GetHashCode(key);
        }

        return hash;
    }

    private static OrderedDictionary<string, HoconValue> ToDictionary(IEnumerable<KeyValuePair<string, HoconValue>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var map = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(fields));
            ArgumentNullException.ThrowIfNull(value, nameof(fields));
            map[key] = value;
        }

        return map;
    }

    private static int MaxDepth(OrderedDictionary<string, HoconValue> fields)
    {
        var depth = 0;
        foreach (var value in fields.Values)
        {
            depth = Math.Max(depth, value.Depth);
        }

        return depth;
    }

    private static long TotalSize(OrderedDictionary<string, HoconValue> fields)
    {
        long size = 0;
        foreach (var value in fields.Values)
        {
            size += value.Size;
        }

        return size;
    }
}
