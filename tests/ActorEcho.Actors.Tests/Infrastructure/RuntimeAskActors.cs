namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>Asks the target to reply to <see cref="ReplyTo"/> (used with the message-factory Ask).</summary>
public sealed record ReplyRequest(IActorRef ReplyTo, string Text);

/// <summary>
/// Answers asks in various ways: "fail" → Status.Failure(InvalidOperationException "nope"), "stop" → stops without replying,
/// "reply-null" → tries to tell null to the reply address and reports the exception (or "no exception") to <c>probe</c>,
/// <see cref="ReplyRequest"/> → tells ReplyTo the text and reports ReplyTo's path to <c>probe</c>, anything else → echoed.
/// </summary>
public sealed class AnsweringActor : ReceiveActor
{
    public AnsweringActor(IActorRef probe)
    {
        Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope")), Self));
        Receive<string>(s => s == "stop", _ => Context.Stop(Self));
        Receive<string>(s => s == "reply-null", _ =>
        {
            try
            {
                Sender.Tell(null!, Self);
                probe.Tell("no exception", Self);
            }
            catch (Exception ex)
            {
                probe.Tell(ex, Self);
            }
        });
        Receive<ReplyRequest>(r =>
        {
            probe.Tell(r.ReplyTo.Path, Self);
            r.ReplyTo.Tell(r.Text, Self);
        });
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}
