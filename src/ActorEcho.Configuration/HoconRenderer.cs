using System.Text;
using ActorEcho.Configuration.Parsing;

namespace ActorEcho.Configuration;

/// <summary>
/// Writes a resolved tree back as HOCON text that parses to an equal tree (keys and strings are always quoted),
/// e.g. to show the effective configuration.
/// </summary>
public static class HoconRenderer
{
    /// <summary>Renders <paramref name="root"/> as a brace-less HOCON document.</summary>
    public static string Render(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var builder = new StringBuilder();
        WriteFields(builder, root, 0);
        return builder.ToString();
    }

    private static void WriteFields(StringBuilder builder, HoconObject obj, int indent)
    {
        foreach (var (key, value) in obj.Fields)
        {
            builder.Append(' ', indent * 2);
            HoconStringWriter.WriteQuoted(builder, key);
            builder.Append(" = ");
            WriteValue(builder, value, indent);
            builder.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder builder, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject obj when obj.Count == 0:
                builder.Append("{}");
                break;
            case HoconObject obj:
                builder.Append("{\n");
                WriteFields(builder, obj, indent + 1);
                builder.Append(' ', indent * 2).Append('}');
                break;
            case HoconArray array when array.Items.Count == 0:
                builder.Append("[]");
                break;
            case HoconArray array:
                builder.Append("[\n");
                foreach (var item in array.Items)
                {
                    builder.Append(' ', (indent + 1) * 2);
                    WriteValue(builder, item, indent + 1);
                    builder.Append('\n');
                }

                builder.Append(' ', indent * 2).Append(']');
                break;
            case HoconScalar { Kind: HoconValueKind.String } scalar:
                HoconStringWriter.WriteQuoted(builder, scalar.Text);
                break;
            case HoconScalar scalar:
                builder.Append(scalar.Text);
                break;
            default:
                throw new ArgumentException("Unknown HOCON value type " + value.GetType().Name, nameof(value));
        }
    }
}
