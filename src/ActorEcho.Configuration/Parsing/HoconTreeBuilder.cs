using ActorEcho.Configuration.Parsing.Nodes;

namespace ActorEcho.Configuration.Parsing;

/// <summary>
/// Applies parsed fields in document order: object literals merge into earlier objects, other values replace them,
/// and self-referential substitutions (<c>a = ${a} [x]</c>, <c>a += x</c>) are bound to the value the key had so far.
/// </summary>
internal sealed class HoconTreeBuilder
{
    private readonly ObjectNode _root;

    private HoconTreeBuilder(HoconPosition position)
    {
        _root = new ObjectNode(position);
    }

    public static ObjectNode Build(RawObjectNode document)
    {
        var builder = new HoconTreeBuilder(document.Position);
        builder.ApplyItems(builder._root, document, HoconPath.Root, HoconPath.Root);
        return builder._root;
    }

    /// <param name="target">Object receiving the fields.</param>
    /// <param name="raw">Parsed object body.</param>
    /// <param name="targetPath">Absolute path of <paramref name="target"/>, or null inside arrays (no self-references there).</param>
    /// <param name="prefix">Path an include placed this content under; its substitutions are looked up relative to it first.</param>
    private void ApplyItems(ObjectNode target, RawObjectNode raw, HoconPath? targetPath, HoconPath prefix)
    {
        foreach (var item in raw.Items)
        {
            if (item.Path is null)
            {
                ApplyItems(target, (RawObjectNode)item.Value, targetPath, targetPath ?? prefix);
            }
            else
            {
                ApplyField(target, item, targetPath, prefix);
            }
        }
    }

    private void ApplyField(ObjectNode target, RawItem item, HoconPath? targetPath, HoconPath prefix)
    {
        var path = item.Path!;
        for (var i = 0; i < path.Count - 1; i++)
        {
            target = ChildObject(target, path[i], item.Position);
            targetPath = targetPath?.Append(path[i]);
        }

        var key = path[path.Count - 1];
        var fieldPath = targetPath?.Append(key);
        if (item.Value is RawObjectNode rawObject && !item.Append)
        {
            ApplyItems(ChildObject(target, key, rawObject.Position), rawObject, fieldPath, prefix);
            return;
        }

        var value = Build(item.Value, fieldPath, prefix);
        if (item.Append)
        {
            // a += x is a = ${?a} [x]: bind ${?a} to what the key holds right now.
            var element = new ArrayNode(value.Position, [value]);
            value = target.Fields.TryGetValue(key, out var previous)
                ? new ConcatNode(item.Position, [previous, element])
                : element;
            target.Fields[key] = value;
            return;
        }

        Assign(target, key, value);
    }

    private static ObjectNode ChildObject(ObjectNode target, string key, HoconPosition position)
    {
        if (target.Fields.TryGetValue(key, out var existing))
        {
            if (existing is ObjectNode existingObject)
            {
                return existingObject;
            }

            var replacement = new ObjectNode(position);
            target.Fields[key] = existing is ScalarNode or ArrayNode ? replacement : new MergeNode(existing, replacement);
            return replacement;
        }

        var created = new ObjectNode(position);
        target.Fields.Add(key, created);
        return created;
    }

    private static void Assign(ObjectNode target, string key, Node value)
    {
        if (!target.Fields.TryGetValue(key, out var existing)
            || value is ScalarNode or ArrayNode
            || (value is ObjectNode && existing is ScalarNode or ArrayNode))
        {
            target.Fields[key] = value;
            return;
        }

        target.Fields[key] = new MergeNode(existing, value);
    }

    private Node Build(Node raw, HoconPath? fieldPath, HoconPath prefix)
    {
        switch (raw)
        {
            case ScalarNode:
                return raw;
            case RawObjectNode rawObject:
                var obj = new ObjectNode(rawObject.Position);
                ApplyItems(obj, rawObject, fieldPath, prefix);
                return obj;
            case ArrayNode array:
                var items = new List<Node>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    items.Add(item is RawObjectNode ? Build(item, null, prefix) : Build(item, fieldPath, prefix));
                }

                return new ArrayNode(array.Position, items);
            case ConcatNode concat:
                var parts = new List<Node>(concat.Parts.Count);
                foreach (var part in concat.Parts)
                {
                    parts.Add(Build(part, fieldPath, prefix));
                }

                return new ConcatNode(concat.Position, parts);
            case SubstitutionNode substitution:
                return BuildSubstitution(substitution, fieldPath, prefix);
            default:
                throw new InvalidOperationException("Unexpected raw node " + raw.GetType().Name);
        }
    }

    private Node BuildSubstitution(SubstitutionNode substitution, HoconPath? fieldPath, HoconPath prefix)
    {
        var absolute = prefix.Concat(substitution.Path);
        if (fieldPath is not null && absolute.StartsWith(fieldPath))
        {
            // Self-reference: look backwards at the value the path had before this field.
            return LookupPrevious(absolute, substitution)
                ?? new SubstitutionNode(substitution.Path, substitution.Optional, substitution.Position, substitution.Text)
                {
                    EnvironmentOnly = true,
                };
        }

        return new SubstitutionNode(absolute, substitution.Optional, substitution.Position, substitution.Text)
        {
            Fallback = prefix.IsRoot ? null : substitution.Path,
        };
    }

    private Node? LookupPrevious(HoconPath path, SubstitutionNode substitution)
    {
        Node node = _root;
        for (var i = 0; i < path.Count; i++)
        {
            switch (node)
            {
                case ObjectNode obj:
                    if (!obj.Fields.TryGetValue(path[i], out var child))
                    {
                        return null;
                    }

                    node = child;
                    break;
                case ScalarNode:
                case ArrayNode:
                    return null;
                default:
                    return new PathIntoNode(node, path.Skip(i), substitution);
            }
        }

        return node;
    }
}
