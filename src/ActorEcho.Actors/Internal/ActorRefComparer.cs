namespace ActorEcho.Actors.Internal;

/// <summary>Orders references by path text, then incarnation uid.</summary>
internal static class ActorRefComparer
{
    public static int Compare(IActorRef self, IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = string.CompareOrdinal(self.Path.ToString(), other.Path.ToString());
        return byPath != 0 ? byPath : self.Path.Uid.CompareTo(other.Path.Uid);
    }
}
