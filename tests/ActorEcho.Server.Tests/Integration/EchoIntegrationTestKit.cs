using System.Net;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Integration;

/// <summary>
/// TestKit base for echo tests with real clients: a real <see cref="EchoServer"/> on the system's TCP manager, bound to 127.0.0.1
/// port 0, and raw socket clients (<see cref="LoopbackClient"/>).
/// </summary>
[Collection(EchoIntegrationCollection.Name)]
public abstract class EchoIntegrationTestKit(ITestOutputHelper output, string? hocon = null, string? systemName = null)
    : ActorEcho.TestKit.TestKit(hocon, output, systemName)
{
    /// <summary>Bound of a single network expectation (connect, a small echo, EOF).</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The defaults on an OS-chosen loopback port.</summary>
    protected static EchoServerSettings LoopbackSettings { get; } = EchoServerSettings.Default with { Port = 0 };

    /// <summary>Where the test writes what it measured.</summary>
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Starts an echo server (named <c>echo</c>) and returns its bound address once it listens.</summary>
    protected async Task<IPEndPoint> StartServerAsync(EchoServerSettings? settings = null)
    {
        var server = Sys.ActorOf(EchoServer.CreateProps(settings ?? LoopbackSettings), "echo");
        var bound = await server.Ask<Tcp.Bound>(EchoServer.GetBoundAddress.Instance, Wait);
        var address = Assert.IsType<IPEndPoint>(bound.LocalAddress);
        Assert.NotEqual(0, address.Port);
        return address;
    }

    /// <summary>Deterministic pseudo-random bytes.</summary>
    protected static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/>, naming the first differing offset.</summary>
    protected static void AssertSameBytes(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} bytes, expected {expected.Length}.");
        var common = expected.Span.CommonPrefixLength(actual.Span);
        Assert.True(common == expected.Length, $"{what}: first difference at offset {common} of {expected.Length}.");
    }

    /// <summary>Half-closes <paramref name="client"/> and asserts the server answers with an orderly FIN and nothing more.</summary>
    protected static async Task AssertOrderlyEndAfterHalfCloseAsync(LoopbackClient client, string who)
    {
        client.ShutdownSend();
        var end = await client.ReceiveUntilEofAsync(Wait);
        Assert.True(end.End == ClientEnd.Eof && end.Data.Length == 0, $"{who}: expected EOF with no further bytes after the half-close, but saw {end}.");
    }
}
