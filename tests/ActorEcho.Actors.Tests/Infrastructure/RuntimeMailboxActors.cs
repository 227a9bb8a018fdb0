namespace ActorEcho.Actors.Tests.Infrastructure.Runtime;

/// <summary>How many consecutive int messages one mailbox turn processed.</summary>
public sealed record TurnLengths(IReadOnlyList<int> Lengths);

/// <summary>
/// Records how many int messages it processes per mailbox turn. A turn is one run of the mailbox on a thread-pool thread; the
/// pool resets the execution context after each work item, so an <see cref="AsyncLocal{T}"/> set in one handler is still
/// visible in the next handler of the same turn but not in the first handler of the next turn. "report" replies the lengths.
/// </summary>
public sealed class TurnCountingActor : ReceiveActor
{
    private readonly AsyncLocal<bool> _inTurn = new();
    private readonly List<int> _lengths = [];

    public TurnCountingActor()
    {
        Receive<Block>(b =>
        {
            _inTurn.Value = true;
            _lengths.Add(0);
            b.Gate.BlockHere();
        });
        Receive<int>(_ =>
        {
            if (!_inTurn.Value)
            {
                _inTurn.Value = true;
                _lengths.Add(0);
            }

            _lengths[^1]++;
        });
        Receive<string>(s => s == "report", _ => Sender.Tell(new TurnLengths(_lengths.ToArray()), Self));
    }
}
