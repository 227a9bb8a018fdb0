using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Benchmarks.IdleConnections;

/// <summary>The plain .NET baseline (bench/ActorEcho.PlainEcho: Kestrel's socket transport, no actors) on a free loopback port.</summary>
internal sealed class PlainIdleServer : IIdleServer
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _serving;

    private PlainIdleServer(int port)
    {
        Port = port;
        _serving = PlainEcho.EchoServer.RunAsync(new IPEndPoint(IPAddress.Loopback, port), _stop.Token);
    }

    public int Port { get; }

    public static PlainIdleServer Start()
    {
        // PlainEcho takes a port, not port 0: take one the OS has just handed out.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        probe.Close();
        return new PlainIdleServer(port);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _stop.Dispose();
    }
}
