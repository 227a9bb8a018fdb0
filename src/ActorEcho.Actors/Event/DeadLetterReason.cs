namespace ActorEcho.Actors.Event;

/// <summary>Why a message ended in dead letters.</summary>
public enum DeadLetterReason
{
    /// <summary>The recipient had stopped (or stopped before processing it).</summary>
    RecipientStopped,

    /// <summary>The recipient's bounded mailbox was full.</summary>
    MailboxFull,

    /// <summary>It was sent to <see cref="ActorRefs.Nobody"/> or directly to dead letters.</summary>
    NoRecipient,
}
