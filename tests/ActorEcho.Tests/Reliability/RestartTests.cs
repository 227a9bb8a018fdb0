using ActorEcho.TestFixtures;
using ActorEcho.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Tests.Reliability;

/// <summary>
/// Starting again on the same port right after a SIGTERM exit (issue 7, "Shutdown and restart").
/// </summary>
/// <remarks>
/// SO_REUSEADDR as observed on Linux: the drain closes each connection from the server's side first, so after the exit the kernel
/// keeps those connections in TIME_WAIT on the server's port (60 s). A socket without SO_REUSEADDR then cannot bind that port
/// (EADDRINUSE: the test checks this with a plain libc socket). ActorEcho's listener is a .NET <see cref="System.Net.Sockets.Socket"/>,
/// and .NET on Unix sets SO_REUSEADDR on every TCP socket it binds (strace shows <c>setsockopt(SO_REUSEADDR, 1)</c> right before
/// <c>bind</c>), so TcpListener needs no option of its own and the restart binds at once. SO_REUSEADDR does not let two listeners
/// share a port: while the first process still listens, a second one fails with "address already in use" (StartupErrorTests).
/// </remarks>
[Collection(ShutdownCollection.Name)]
public sealed class RestartTests(ITestOutputHelper output)
{
    private const int Clients = 20;

    [Fact]
    public async Task Restart_OnTheSamePortRightAfterSigtermExit_BindsDespiteTimeWaitAndEchoes()
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("skipped: reads /proc/net/tcp");
            return;
        }

        int port;
        await using (var first = ActorEchoProcess.Start("serve", "--port", "0"))
        {
            port = await first.WaitForListeningAsync();
            var clients = new List<LoopbackClient>();
            try
            {
                for (var i = 0; i < Clients; i++)
                {
                    var client = await LoopbackClient.ConnectAsync(port);
                    clients.Add(client);
                    await RoundTripAsync(client, i);
                }

                first.Terminate();
                foreach (var client in clients)
                {
                    Assert.Empty(await client.ReceiveToEndAsync()); // the drain closes from the server's side: TIME_WAIT stays there
                }
            }
            finally
            {
                clients.ForEach(c => c.Dispose()); // our FIN completes the server's close into TIME_WAIT
            }

            Assert.Equal(0, await first.WaitForExitAsync());
        }

        var timeWait = PortState.TimeWaitCount(port);
        var plainBind = PortState.TryBindWithoutReuseAddress(port);
        output.WriteLine($"port {port}: {timeWait} connection(s) in TIME_WAIT after the exit; a bind without SO_REUSEADDR gives errno {plainBind}");
        Assert.True(timeWait > 0, "No TIME_WAIT on the server's port: the restart would not test SO_REUSEADDR.");
        Assert.Equal(PortState.AddressInUse, plainBind);

        await using var second = ActorEchoProcess.Start("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(port, await second.WaitForListeningAsync());
        using (var client = await LoopbackClient.ConnectAsync(port))
        {
            await RoundTripAsync(client, 99);
        }

        second.Terminate();
        Assert.Equal(0, await second.WaitForExitAsync());
    }

    private static async Task RoundTripAsync(LoopbackClient client, int seed)
    {
        var data = new byte[512];
        new Random(seed).NextBytes(data);
        await client.SendAsync(data);
        Assert.Equal(data, await client.ReceiveExactlyAsync(data.Length));
    }
}
