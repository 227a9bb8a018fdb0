namespace ActorEcho.Configuration.Parsing;

/// <summary>Recognises JSON number literals without regular expressions.</summary>
internal static class HoconNumber
{
    public static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!SkipDigits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool SkipDigits(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }
}
