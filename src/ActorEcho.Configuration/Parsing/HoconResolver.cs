using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ActorEcho.Configuration.Parsing.Nodes;

namespace ActorEcho.Configuration.Parsing;

/// <summary>
/// Resolves substitutions against the whole document (falling back to environment variables), joins
/// concatenations and delayed merges, and reports cycles, excessive depth and runaway expansion as parse errors.
/// </summary>
internal sealed class HoconResolver
{
    private const long MaxExpansion = 20_000_000;
    private readonly ObjectNode _root;
    private readonly Func<string, string?> _environment;
    private readonly List<SubstitutionNode> _stack = [];
    private long _expansion;

    private HoconResolver(ObjectNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(ObjectNode root, Func<string, string?> environment) =>
        (HoconObject)new HoconResolver(root, environment).Resolve(root)!;

    private HoconValue? Resolve(Node node)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.Value;
        }

        switch (node.State)
        {
            case ResolveState.Done:
                return node.Resolved;
            case ResolveState.InProgress:
                throw Cycle(node);
            default:
                break;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconParseException(node.Position, "nesting too deep (substitutions and merges exceed the stack)");
        }

        node.State = ResolveState.InProgress;
        node.StackDepth = _stack.Count;
        var value = node switch
        {
            ObjectNode obj => ResolveObject(obj),
            ArrayNode array => ResolveArray(array),
            SubstitutionNode substitution => ResolveSubstitution(substitution),
            ConcatNode concat => ResolveConcat(concat),
            MergeNode merge => ResolveMerge(merge),
            PathIntoNode pathInto => ResolvePathInto(pathInto),
            _ => throw new InvalidOperationException("Unexpected node " + node.GetType().Name),
        };

        if (value is not null && value.Depth > HoconSyntaxParser.MaxDepth)
        {
            throw new HoconParseException(node.Position, string.Create(CultureInfo.InvariantCulture, $"nesting too deep (more than {HoconSyntaxParser.MaxDepth} levels)"));
        }

        node.Resolved = value;
        node.State = ResolveState.Done;
        return value;
    }

    private HoconParseException Cycle(Node node)
    {
        if (_stack.Count == 0)
        {
            return new HoconParseException(node.Position, "substitution cycle");
        }

        var closing = _stack[^1];
        var chain = new StringBuilder("substitution cycle: ").Append(closing.Text);
        for (var i = Math.Min(node.StackDepth, _stack.Count - 1); i < _stack.Count; i++)
        {
            chain.Append(" -> ").Append(_stack[i].Text);
        }

        return new HoconParseException(closing.Position, chain.ToString());
    }

    private HoconObject ResolveObject(ObjectNode obj)
    {
        var fields = new OrderedDictionary<string, HoconValue>(obj.Fields.Count, StringComparer.Ordinal);
        foreach (var (key, child) in obj.Fields)
        {
            var value = Resolve(child);
            if (value is not null)
            {
                fields.Add(key, value);
            }
        }

        return new HoconObject(fields, obj.Position);
    }

    private HoconArray ResolveArray(ArrayNode array)
    {
        var items = new List<HoconValue>(array.Items.Count);
        foreach (var child in array.Items)
        {
            var value = Resolve(child);
            if (value is not null)
            {
                items.Add(value);
            }
        }

        return new HoconArray([.. items], array.Position);
    }

    private HoconValue? ResolveSubstitution(SubstitutionNode substitution)
    {
        _stack.Add(substitution);
        try
        {
            HoconValue? value = null;
            if (!substitution.EnvironmentOnly
                && !TryLookup(substitution.Path, out value)
                && substitution.Fallback is not null)
            {
                TryLookup(substitution.Fallback, out value);
            }

            return Found(value ?? FromEnvironment(substitution), substitution);
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private HoconValue? ResolvePathInto(PathIntoNode pathInto)
    {
        _stack.Add(pathInto.Substitution);
        try
        {
            var value = Navigate(Resolve(pathInto.Target), pathInto.Remaining, 0);
            return Found(value ?? FromEnvironment(pathInto.Substitution), pathInto.Substitution);
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    private HoconValue? Found(HoconValue? value, SubstitutionNode substitution)
    {
        if (value is null)
        {
            return substitution.Optional
                ? null
                : throw new HoconParseException(substitution.Position, "unresolved substitution " + substitution.Text);
        }

        Expand(value.Size, substitution.Position);
        return value;
    }

    private HoconScalar? FromEnvironment(SubstitutionNode substitution)
    {
        var text = _environment(substitution.DisplayPath.EnvironmentName);
        return text is null ? null : new HoconScalar(HoconValueKind.String, text, substitution.Position);
    }

    private bool TryLookup(HoconPath path, out HoconValue? value)
    {
        Node node = _root;
        for (var i = 0; i < path.Count; i++)
        {
            if (node is ObjectNode obj)
            {
                if (!obj.Fields.TryGetValue(path[i], out var child))
                {
                    value = null;
                    return false;
                }

                node = child;
                continue;
            }

            value = Navigate(Resolve(node), path, i);
            return value is not null;
        }

        value = Resolve(node);
        return value is not null;
    }

    private static HoconValue? Navigate(HoconValue? value, HoconPath path, int start)
    {
        for (var i = start; i < path.Count && value is not null; i++)
        {
            value = value is HoconObject obj && obj.TryGetValue(path[i], out var child) ? child : null;
        }

        return value;
    }

    private HoconValue? ResolveMerge(MergeNode merge)
    {
        var newer = Resolve(merge.Newer);
        if (newer is null)
        {
            return Resolve(merge.Older);
        }

        if (newer is not HoconObject newerObject)
        {
            return newer;
        }

        return Resolve(merge.Older) is HoconObject olderObject ? MergeObjects(olderObject, newerObject, merge.Position) : newer;
    }

    private HoconObject MergeObjects(HoconObject older, HoconObject newer, HoconPosition position)
    {
        var fields = new OrderedDictionary<string, HoconValue>(older.FieldMap, StringComparer.Ordinal);
        foreach (var (key, value) in newer.FieldMap)
        {
            fields[key] = fields.TryGetValue(key, out var existing) && existing is HoconObject existingObject && value is HoconObject valueObject
                ? MergeObjects(existingObject, valueObject, position)
                : value;
        }

        Expand(fields.Count, position);
        return new HoconObject(fields, newer.Position ?? position);
    }

    private HoconValue? ResolveConcat(ConcatNode concat)
    {
        var values = new List<(HoconValue Value, Node Part)>(concat.Parts.Count);
        foreach (var part in concat.Parts)
        {
            var value = Resolve(part);
            if (value is not null)
            {
                values.Add((value, part));
            }
        }

        // Whitespace next to a missing optional substitution at either end is dropped with it.
        while (values.Count > 0 && IsWhitespace(values[0].Part))
        {
            values.RemoveAt(0);
        }

        while (values.Count > 0 && IsWhitespace(values[^1].Part))
        {
            values.RemoveAt(values.Count - 1);
        }

        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count == 1)
        {
            return values[0].Value;
        }

        var kind = HoconValueKind.String;
        foreach (var (value, part) in values)
        {
            if (value.Kind is HoconValueKind.Object or HoconValueKind.Array)
            {
                kind = value.Kind;
                break;
            }
        }

        return kind switch
        {
            HoconValueKind.Object => ConcatObjects(values, concat.Position),
            HoconValueKind.Array => ConcatArrays(values, concat.Position),
            _ => ConcatStrings(values, concat.Position),
        };
    }

    private static bool IsWhitespace(Node part) => part is ScalarNode { IsWhitespace: true };

    private HoconObject ConcatObjects(List<(HoconValue Value, Node Part)> values, HoconPosition position)
    {
        HoconObject? result = null;
        foreach (var (value, part) in values)
        {
            if (IsWhitespace(part))
            {
                continue;
            }

            if (value is not HoconObject obj)
            {
                throw new HoconParseException(part.Position, $"cannot concatenate an object with {Describe(value)}");
            }

            result = result is null ? obj : MergeObjects(result, obj, position);
        }

        return result!;
    }

    private HoconArray ConcatArrays(List<(HoconValue Value, Node Part)> values, HoconPosition position)
    {
        var items = new List<HoconValue>();
        foreach (var (value, part) in values)
        {
            if (IsWhitespace(part))
            {
                continue;
            }

            if (value is not HoconArray array)
            {
                throw new HoconParseException(part.Position, $"cannot concatenate an array with {Describe(value)}");
            }

            items.AddRange(array.Items);
        }

        Expand(items.Count, position);
        return new HoconArray([.. items], position);
    }

    private HoconScalar ConcatStrings(List<(HoconValue Value, Node Part)> values, HoconPosition position)
    {
        var builder = new StringBuilder();
        foreach (var (value, _) in values)
        {
            builder.Append(((HoconScalar)value).Text);
        }

        Expand(builder.Length, position);
        return new HoconScalar(HoconValueKind.String, builder.ToString(), position);
    }

    private static string Describe(HoconValue value) => value.Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "an array",
        HoconValueKind.Null => "null",
        _ => $"the string '{((HoconScalar)value).Text}'",
    };

    private void Expand(long amount, HoconPosition position)
    {
        _expansion += amount;
        if (_expansion > MaxExpansion)
        {
            throw new HoconParseException(position, "document expands too much through substitutions (possible exponential self-reference)");
        }
    }
}
