namespace ActorEcho.Actors;

/// <summary>Result messages for piped tasks and asks: a <see cref="Failure"/> reply fails the asking task.</summary>
public abstract class Status
{
    private protected Status()
    {
    }

    /// <summary>A successful completion, with an optional value.</summary>
    public sealed class Success : Status
    {
        /// <summary>Creates a success carrying <paramref name="value"/>.</summary>
        public Success(object? value) => Value = value;

        /// <summary>The result, if any.</summary>
        public object? Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"Success({Value})";
    }

    /// <summary>A failed completion.</summary>
    public sealed class Failure : Status
    {
        /// <summary>Creates a failure caused by <paramref name="cause"/>.</summary>
        public Failure(Exception cause) => Cause = cause;

        /// <summary>Why it failed.</summary>
        public Exception Cause { get; }

        /// <inheritdoc />
        public override string ToString() => $"Failure({Cause.GetType().Name}: {Cause.Message})";
    }
}
