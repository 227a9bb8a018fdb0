namespace ActorEcho.Actors.Supervision;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and go on with its next message.</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one behind the same reference; its mailbox is kept, the failing message is not retried.</summary>
    Restart,

    /// <summary>Fail the supervisor itself with the same exception, handing the decision to its own parent.</summary>
    Escalate,

    /// <summary>Stop the child for good.</summary>
    Stop,
}
