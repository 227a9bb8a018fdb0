using System.Text;

namespace ActorEcho.Actors;

/// <summary>
/// The name of an actor and of each of its ancestors up to the root, such as <c>actorecho://echo/user/server/conn-17</c>.
/// </summary>
/// <remarks>Paths are compared by their elements, not by the incarnation uid; <see cref="Uid"/> tells incarnations apart.</remarks>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The scheme every local path starts with.</summary>
    public const string Scheme = "actorecho";

    /// <summary>The rendered path, cached on first use.</summary>
    private string? _text;

    /// <summary>The element's name; the root keeps the system name here instead.</summary>
    private readonly string _name;

    private ActorPath(ActorPath? parent, string name, long uid)
    {
        Parent = parent;
        _name = name;
        Uid = uid;
    }

    /// <summary>The actor system this path belongs to (kept once, by the root).</summary>
    public string SystemName => Root._name;

    private ActorPath Root
    {
        get
        {
            var p = this;
            while (p.Parent is not null)
            {
                p = p.Parent;
            }

            return p;
        }
    }

    /// <summary>The parent's path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element: the actor's own name (<c>/</c> for the root).</summary>
    public string Name => Parent is null ? "/" : _name;

    /// <summary>Distinguishes two incarnations of an actor that had the same path; 0 when unknown.</summary>
    public long Uid { get; }

    /// <summary>Number of elements below the root.</summary>
    public int Depth
    {
        get
        {
            var depth = 0;
            for (var p = Parent; p is not null; p = p.Parent)
            {
                depth++;
            }

            return depth;
        }
    }

    /// <summary>The path elements below the root, outermost first.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var depth = Depth;
            var elements = new string[depth];
            for (var p = this; p.Parent is not null; p = p.Parent)
            {
                elements[--depth] = p.Name;
            }

            return elements;
        }
    }

    internal static ActorPath CreateRoot(string systemName) => new(null, systemName, 0);

    internal ActorPath Child(string name, long uid) => new(this, name, uid);

    /// <summary>The path without its uid, as <c>actorecho://system/user/a</c>.</summary>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        var builder = new StringBuilder(64).Append(Scheme).Append("://").Append(SystemName);
        if (Parent is null)
        {
            builder.Append('/');
        }
        else
        {
            foreach (var element in Elements)
            {
                builder.Append('/').Append(element);
            }
        }

        return _text = builder.ToString();
    }

    /// <summary>The path followed by <c>#uid</c>, which names one incarnation.</summary>
    public string ToStringWithUid() => Uid == 0 ? ToString() : $"{this}#{Uid}";

    /// <inheritdoc />
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        ActorPath? a = this, b = other;
        for (; a is not null && b is not null; a = a.Parent, b = b.Parent)
        {
            if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return a is null && b is null && string.Equals(SystemName, other!.SystemName, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var p = this; p is not null; p = p.Parent)
        {
            hash.Add(p.Name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
