using ActorEcho.IO.Tests.Tcp.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Reliability;

/// <summary>
/// <c>max-connections = 5</c> is exact (Akka.NET's max-channels was never enforced): five clients echo, the sixth is closed at once and
/// counted in <c>actorecho.tcp.connections_refused</c>, and the five keep echoing.
/// </summary>
public sealed class MaxConnectionsExactTests(ITestOutputHelper output)
    : TcpTestKit($"actorecho.io.tcp.max-connections = {Limit}", output, SystemName)
{
    private const int Limit = 5;
    private const string SystemName = "max-connections-exact";

    [Fact]
    public async Task MaxConnections_LimitPlusOne_ExactlyLimitEchoExtraClosedAtOnceAndCountedOthersUnaffected()
    {
        using var meters = new MetricsRecorder(SystemName);
        var monitor = CreateTestProbe("monitor");
        Manager.Tell(new IO.Tcp.Bind(Sys.ActorOf(EchoBindHandler.CreateProps(monitor.Ref)), AnyLoopbackPort), TestActor);
        var bound = await ExpectMsgAsync<IO.Tcp.Bound>(Wait);
        var address = (System.Net.IPEndPoint)bound.LocalAddress;
        var clients = new List<LoopbackClient>();
        try
        {
            for (var i = 0; i < Limit; i++)
            {
                var client = await LoopbackClient.ConnectAsync(address);
                clients.Add(client);
                var data = RandomBytes(100, seed: i);
                Assert.Equal(data, await client.RoundTripAsync(data)); // accepted and served, before the next one connects
            }

            Assert.Equal(Limit, meters.Sum("actorecho.tcp.connections_accepted"));
            Assert.Equal(0, meters.Sum("actorecho.tcp.connections_refused"));

            await AssertRefusedAsync(address, Wait);

            await AwaitConditionAsync(() => meters.Sum("actorecho.tcp.connections_refused") == 1, Wait);
            Assert.Equal(Limit, meters.Sum("actorecho.tcp.connections_accepted"));

            for (var i = 0; i < Limit; i++)
            {
                var data = RandomBytes(1000, seed: 100 + i);
                Assert.Equal(data, await clients[i].RoundTripAsync(data));
            }

            await monitor.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // no handler saw a CommandFailed
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
