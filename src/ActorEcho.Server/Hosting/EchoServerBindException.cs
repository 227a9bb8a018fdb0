using System.Net;

namespace ActorEcho.Server.Hosting;

/// <summary>
/// A hosted echo server's first bind failed, which fails the host's start (the server does not retry at start-up). The message is
/// the one line a user needs: <c>cannot listen on 127.0.0.1:7000: address already in use</c>.
/// </summary>
public sealed class EchoServerBindException : InvalidOperationException
{
    internal EchoServerBindException(IPEndPoint endPoint, string reason, Exception? cause)
        : base($"cannot listen on {endPoint}: {reason}", cause)
    {
        EndPoint = endPoint;
        Reason = reason;
    }

    /// <summary>The address the server tried to bind.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Why, in a few words: <c>address already in use</c>, <c>permission denied</c>, <c>address not available</c>, …</summary>
    public string Reason { get; }
}
