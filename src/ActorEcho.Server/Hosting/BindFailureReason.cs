using System.Net.Sockets;

namespace ActorEcho.Server.Hosting;

/// <summary>Turns the cause of a failed <see cref="Tcp.Bind"/> into the few words a user needs: "address already in use" and the like.</summary>
internal static class BindFailureReason
{
    /// <summary>The reason, lower-case and without a trailing period, for <c>cannot listen on HOST:PORT: REASON</c>.</summary>
    public static string Describe(Exception? cause)
    {
        for (var current = cause; current is not null; current = current.InnerException)
        {
            var reason = current switch
            {
                SocketException socket => Describe(socket.SocketErrorCode),
                _ => null,
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return cause is null ? "the bind failed" : cause.Message.TrimEnd('.');
    }

    private static string? Describe(SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse => "address already in use",
        SocketError.AccessDenied => "permission denied",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        _ => null,
    };
}
