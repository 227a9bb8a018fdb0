namespace ActorEcho.Actors.Internal;

/// <summary>Validates user-chosen actor names and generates unique ones.</summary>
internal static class ActorNames
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    /// <summary>Generated names start with '$', which user names may not, so they never collide.</summary>
    public static string Generate(long n)
    {
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = Alphabet[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        buffer[--i] = '$';
        return new string(buffer[i..]);
    }

    public static void Validate(string name, bool allowSystemPrefix)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new InvalidActorNameException("Actor name must not be empty.");
        }

        if (name[0] == '$' && !allowSystemPrefix)
        {
            throw new InvalidActorNameException($"Actor name '{name}' is invalid: names starting with '$' are reserved for generated names.");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!IsValidChar(c) && !(i == 0 && c == '$'))
            {
                throw new InvalidActorNameException(
                    $"Actor name '{name}' is invalid: character '{c}' at index {i} is not allowed (use letters, digits and -_.*$+:@&=,!~';).");
            }
        }
    }

    private static bool IsValidChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '+' or ':' or '@' or '&' or '=' or ',' or '!' or '~' or '\'' or ';' or '$';
}
