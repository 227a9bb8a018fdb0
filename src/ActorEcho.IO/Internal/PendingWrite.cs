namespace ActorEcho.IO.Internal;

/// <summary>A write a connection accepted and has not answered yet: the command, who sent it, and its size in bytes.</summary>
internal readonly record struct PendingWrite(Tcp.WriteCommand Command, IActorRef Sender, long Bytes)
{
    public static long SizeOf(Tcp.WriteCommand command)
    {
        if (command is Tcp.Write write)
        {
            return write.Data.Count;
        }

        long total = 0;
        foreach (var part in ((Tcp.CompoundWrite)command).Writes)
        {
            total += part.Data.Count;
        }

        return total;
    }
}
