using System.Net.Sockets;

namespace ActorEcho.IO.Internal;

/// <summary>
/// A socket the listener accepted: told by an accept loop to the listener, which forwards it as the first message to the
/// <see cref="TcpConnection"/> it creates for it (that way all connections of a listener share one <see cref="Props"/>).
/// </summary>
internal sealed record AcceptedSocket(Socket Socket) : IDeadLetterSuppression;
