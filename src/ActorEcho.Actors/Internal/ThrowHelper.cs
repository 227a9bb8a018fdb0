using System.Diagnostics.CodeAnalysis;

namespace ActorEcho.Actors.Internal;

/// <summary>Keeps throw sites out of hot methods so they stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowNullMessage() =>
        throw new InvalidMessageException("Message is null: actors cannot be sent null; send a message object (e.g. a singleton) instead.");
}
