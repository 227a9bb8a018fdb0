using ActorEcho.Actors.Event;
using ActorEcho.Server.Tests.Integration;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Reliability;

/// <summary>
/// A connection handler that throws: the supervisor stops it (EchoServer's stopping strategy), its connection is reset, every other
/// connection keeps echoing, new clients are served, and the failure is logged exactly once, at Error, naming the client's address.
/// </summary>
public sealed class HandlerFailureTests(ITestOutputHelper output) : EchoIntegrationTestKit(output)
{
    [Fact]
    public async Task HandlerThrows_OneConnection_OnlyThatOneClosedOthersKeepEchoingAndFailureLoggedOnceWithRemoteAddress()
    {
        var lifecycle = CreateTestProbe("lifecycle");
        Sys.EventStream.Subscribe(lifecycle.Ref, typeof(ActorLifecycleEvent));
        var address = await StartServerAsync();
        var clients = new List<(LoopbackClient Client, IActorRef Handler)>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var client = await LoopbackClient.ConnectAsync(address);
                var started = await lifecycle.FishForMessageAsync<ActorLifecycleEvent>(
                    e => e.Stage == ActorLifecycleStage.Started && e.Actor.Path.Parent?.Name == "echo", Wait, "the start of the client's EchoConnection");
                clients.Add((client, started.Actor));
                var data = RandomBytes(64, seed: i);
                AssertSameBytes(data, await client.RoundTripAsync(data, Wait), $"client {i} before the failure");
            }

            var (victim, victimHandler) = clients[1];
            var remote = victim.LocalEndPoint.ToString();
            var injector = CreateTestProbe("injector");
            await WatchAsync(victimHandler);

            // Test-only injection: a Received without data makes the real EchoConnection throw (NullReferenceException).
            await EventFilter.Error().ExpectOneAsync(() =>
                EventFilter.Error(contains: remote).ExpectOneAsync(() => injector.Send(victimHandler, new Tcp.Received(null!))));

            await ExpectTerminatedAsync(victimHandler, Wait);
            var end = await victim.ReceiveUntilEofAsync(Wait);
            Assert.True(end.End is ClientEnd.Reset or ClientEnd.Eof, $"The failed connection's client saw {end}.");

            foreach (var (client, _) in new[] { clients[0], clients[2] })
            {
                var data = RandomBytes(10_000, seed: 50);
                AssertSameBytes(data, await client.RoundTripAsync(data, Wait), "a healthy client after the failure");
            }

            using var late = await LoopbackClient.ConnectAsync(address);
            var ping = RandomBytes(100, seed: 99);
            AssertSameBytes(ping, await late.RoundTripAsync(ping, Wait), "a new client after the failure");
        }
        finally
        {
            clients.ForEach(c => c.Client.Dispose());
        }
    }
}
