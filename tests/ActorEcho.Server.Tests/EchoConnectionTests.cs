using ActorEcho.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests;

/// <summary>EchoConnection against a connection probe: ack-based flow control, NACK resend, half-close, limits, idle timeout, drain.</summary>
public sealed class EchoConnectionTests(ITestOutputHelper output) : EchoTestKit(output)
{
    private static readonly EchoServerSettings s_ackEveryWrite = EchoServerSettings.Default with { AckEvery = 0 };

    [Fact]
    public async Task Received_BelowAckEvery_WritesWithoutAckThenAsksOnceThresholdPassed()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default with { AckEvery = 10 });

        Receive(connection, handler, "aaaa");
        Receive(connection, handler, "bbbb");
        Receive(connection, handler, "cccc");
        Receive(connection, handler, "dddd");

        Assert.False((await ExpectEchoAsync(connection, "aaaa")).WantsAck);
        Assert.False((await ExpectEchoAsync(connection, "bbbb")).WantsAck);
        Assert.True((await ExpectEchoAsync(connection, "cccc")).WantsAck); // 12 bytes since the last ask > 10
        Assert.False((await ExpectEchoAsync(connection, "dddd")).WantsAck); // counting starts again
    }

    [Fact]
    public async Task Received_AckEvery_ReusesOneAckInstance()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite);

        Receive(connection, handler, "one");
        Receive(connection, handler, "two");

        var first = await ExpectEchoAsync(connection, "one");
        var second = await ExpectEchoAsync(connection, "two");
        Assert.Same(first.Ack, second.Ack);
    }

    [Fact]
    public async Task Received_AboveHighWaterMark_SuspendsReading()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default with { HighWaterMark = 16, LowWaterMark = 4, AckEvery = 1000 });

        Receive(connection, handler, "0123456789");
        Assert.False((await ExpectEchoAsync(connection, "0123456789")).WantsAck);
        Receive(connection, handler, "abcdefghij");

        Assert.True((await ExpectEchoAsync(connection, "abcdefghij")).WantsAck); // above the mark every write asks
        await connection.ExpectMsgAsync<Tcp.SuspendReading>();
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Ack_FallsToLowWaterMark_ResumesReadingOnlyThen()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default with { HighWaterMark = 16, LowWaterMark = 4, AckEvery = 1000 });
        Receive(connection, handler, "0123456789");
        Receive(connection, handler, "abcdefghij");
        await ExpectEchoAsync(connection, "0123456789");
        var second = await ExpectEchoAsync(connection, "abcdefghij");
        await connection.ExpectMsgAsync<Tcp.SuspendReading>();
        Receive(connection, handler, "ABCDEFGHIJ"); // already read before the suspension took effect
        var third = await ExpectEchoAsync(connection, "ABCDEFGHIJ");
        Assert.True(third.WantsAck);

        AckWrite(connection, handler, second); // 10 bytes still unacked: above the low-water mark
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        AckWrite(connection, handler, third);

        await connection.ExpectMsgAsync<Tcp.ResumeReading>();
    }

    [Fact]
    public async Task Received_ClientNeverReads_SuspendsReadingRightAfterHighWaterMark()
    {
        const int HighWaterMark = 64;
        var (handler, connection) = StartConnection(EchoServerSettings.Default with { HighWaterMark = HighWaterMark, LowWaterMark = 16, AckEvery = 32 });

        // The probe never acks, like a TCP connection whose client does not read. Frames already read keep coming a while.
        for (var i = 0; i < 20; i++)
        {
            Receive(connection, handler, "0123456789");
        }

        var unacked = 0;
        var suspendedAt = -1;
        for (var i = 0; i < 21; i++)
        {
            var message = (await connection.ReceiveOneAsync())?.Message;
            if (message is Tcp.Write write)
            {
                unacked += write.Data.Count;
            }
            else if (message is Tcp.SuspendReading)
            {
                suspendedAt = unacked;
            }
        }

        Assert.InRange(suspendedAt, HighWaterMark + 1, HighWaterMark + 10); // suspended right after crossing the mark
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task WriteRefused_Nack_ResendsRefusedAndLaterWritesInOrderAfterWritingResumed()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        Receive(connection, handler, "a");
        Receive(connection, handler, "b");
        Receive(connection, handler, "c");
        await ExpectEchoAsync(connection, "a");
        var b = await ExpectEchoAsync(connection, "b");
        var c = await ExpectEchoAsync(connection, "c");

        connection.Send(handler, b.FailureMessage());
        connection.Send(handler, c.FailureMessage());
        await connection.ExpectMsgAsync<Tcp.ResumeWriting>();
        Receive(connection, handler, "d"); // arrives while writing is suspended: must queue behind b and c
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        connection.Send(handler, Tcp.WritingResumed.Instance);

        await ExpectEchoAsync(connection, "b");
        await ExpectEchoAsync(connection, "c");
        await ExpectEchoAsync(connection, "d");
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // "a" was accepted: not resent
    }

    [Fact]
    public async Task WriteRefused_AckRequestingWrite_AckAccountingStaysConsistent()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite);
        Receive(connection, handler, "first");
        Receive(connection, handler, "second");
        var first = await ExpectEchoAsync(connection, "first");
        var second = await ExpectEchoAsync(connection, "second");
        connection.Send(handler, second.FailureMessage());
        await connection.ExpectMsgAsync<Tcp.ResumeWriting>();
        AckWrite(connection, handler, first);
        connection.Send(handler, Tcp.WritingResumed.Instance);
        var resent = await ExpectEchoAsync(connection, "second");

        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        AckWrite(connection, handler, resent);

        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task PeerClosed_OutstandingAcks_ClosesOnlyAfterAcksArrive()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite);
        Receive(connection, handler, "echo me");
        var echo = await ExpectEchoAsync(connection, "echo me");

        connection.Send(handler, Tcp.PeerClosed.Instance);

        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150));
        AckWrite(connection, handler, echo);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task PeerClosed_UnackedWritesWithoutAckRequest_FlushesWithEmptyAckedWriteThenCloses()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        Receive(connection, handler, "small");
        Assert.False((await ExpectEchoAsync(connection, "small")).WantsAck);

        connection.Send(handler, Tcp.PeerClosed.Instance);

        var flush = await connection.ExpectMsgAsync<Tcp.Write>(w => w.Data.IsEmpty && w.WantsAck);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        AckWrite(connection, handler, flush);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task PeerClosed_NothingOutstanding_ClosesAtOnce()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite);
        Receive(connection, handler, "done");
        AckWrite(connection, handler, await ExpectEchoAsync(connection, "done"));

        connection.Send(handler, Tcp.PeerClosed.Instance);

        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task PeerClosed_WhileWritingSuspended_ResendsRefusedThenClosesAfterAck()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        Receive(connection, handler, "refused");
        var refused = await ExpectEchoAsync(connection, "refused");
        connection.Send(handler, refused.FailureMessage());
        await connection.ExpectMsgAsync<Tcp.ResumeWriting>();

        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        connection.Send(handler, Tcp.WritingResumed.Instance);

        var resent = await ExpectEchoAsync(connection, "refused");
        Assert.True(resent.WantsAck);
        AckWrite(connection, handler, resent);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Closed_AfterClose_StopsHandlerAndLogsOneDebugLine()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        await WatchAsync(handler);
        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectMsgAsync<Tcp.Close>();

        await EventFilter.Debug(contains: "ended after").ExpectOneAsync(() => connection.Reply(Tcp.Closed.Instance));

        await ExpectTerminatedAsync(handler);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("aborted")]
    [InlineData("confirmed")]
    [InlineData("error")]
    public async Task ConnectionClosed_AnyCloseEvent_StopsHandler(string kind)
    {
        Tcp.ConnectionClosed closed = kind switch
        {
            "closed" => Tcp.Closed.Instance,
            "aborted" => Tcp.Aborted.Instance,
            "confirmed" => Tcp.ConfirmedClosed.Instance,
            _ => new Tcp.ErrorClosed("reset: connection reset by peer"),
        };
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        await WatchAsync(handler);

        connection.Send(handler, closed);

        await ExpectTerminatedAsync(handler);
    }

    [Fact]
    public async Task ConnectionActorStops_Watched_StopsHandler()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        await WatchAsync(handler);

        Sys.Stop(connection.Ref);

        await ExpectTerminatedAsync(handler);
    }

    [Fact]
    public async Task Received_BeyondMaxBytesPerConnection_AbortsAndWarnsOnce()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default with { MaxBytesPerConnection = 8 });
        Receive(connection, handler, "12345");
        await ExpectEchoAsync(connection, "12345");

        await EventFilter.Warning(contains: "max-bytes-per-connection").ExpectOneAsync(() =>
        {
            Receive(connection, handler, "67890");
            Receive(connection, handler, "more");
        });

        await connection.ExpectMsgAsync<Tcp.Abort>();
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // the excess is not echoed
    }

    [Fact]
    public async Task IdleTimeout_NoTraffic_ClosesConnection()
    {
        var (_, connection) = StartConnection(EchoServerSettings.Default with { IdleTimeout = TimeSpan.FromMilliseconds(200) });

        await connection.ExpectMsgAsync<Tcp.Close>(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task IdleTimeout_Off_NeverCloses()
    {
        var (handler, connection) = StartConnection(EchoServerSettings.Default);
        Receive(connection, handler, "x");
        await ExpectEchoAsync(connection, "x");

        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Drain_PendingEchoes_EchoesThenHalfClosesInputThenClosesAtItsEnd()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite);
        Receive(connection, handler, "pending");
        var echo = await ExpectEchoAsync(connection, "pending");

        handler.Tell(EchoConnection.Drain.Instance, TestActor);
        Receive(connection, handler, "late"); // read before the drain took effect: still echoed

        var late = await ExpectEchoAsync(connection, "late");
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        AckWrite(connection, handler, echo);
        AckWrite(connection, handler, late);
        await connection.ExpectMsgAsync<Tcp.ShutdownInput>(); // after the quiet period
        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectMsgAsync<Tcp.Close>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50)); // no reply to the server: it watches
    }

    [Fact]
    public async Task Drain_CaughtUp_WaitsForQuietPeriodAndEchoesWhatArrivesMeanwhileAndAfterTheHalfClose()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite with { DrainQuietPeriod = TimeSpan.FromSeconds(1) });
        Receive(connection, handler, "first");
        AckWrite(connection, handler, await ExpectEchoAsync(connection, "first"));

        handler.Tell(EchoConnection.Drain.Instance, TestActor);
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // caught up, but the client's last bytes may still be on their way
        Receive(connection, handler, "still in the kernel at the drain");
        AckWrite(connection, handler, await ExpectEchoAsync(connection, "still in the kernel at the drain"));

        await connection.ExpectMsgAsync<Tcp.ShutdownInput>();
        Receive(connection, handler, "read after the half-close");
        AckWrite(connection, handler, await ExpectEchoAsync(connection, "read after the half-close"));
        await connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // the input has not ended yet
        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Drain_ZeroQuietPeriod_HalfClosesInputAsSoonAsCaughtUp()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite with { DrainQuietPeriod = TimeSpan.Zero });
        Receive(connection, handler, "first");
        AckWrite(connection, handler, await ExpectEchoAsync(connection, "first"));

        handler.Tell(EchoConnection.Drain.Instance, TestActor);

        await connection.ExpectMsgAsync<Tcp.ShutdownInput>();
        connection.Send(handler, Tcp.PeerClosed.Instance);
        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Drain_ShutdownInputRefused_ClosesOnceCaughtUp()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite with { DrainQuietPeriod = TimeSpan.Zero });
        handler.Tell(EchoConnection.Drain.Instance, TestActor);
        await connection.ExpectMsgAsync<Tcp.ShutdownInput>();

        connection.Send(handler, Tcp.ShutdownInput.Instance.FailureMessage(new NotSupportedException("no socket")));

        await connection.ExpectMsgAsync<Tcp.Close>();
    }

    [Fact]
    public async Task Drain_AfterClientFin_ClosesWithoutHalfClosingTheInput()
    {
        var (handler, connection) = StartConnection(s_ackEveryWrite with { DrainQuietPeriod = TimeSpan.Zero });
        Receive(connection, handler, "first");
        var echo = await ExpectEchoAsync(connection, "first");
        connection.Send(handler, Tcp.PeerClosed.Instance);

        handler.Tell(EchoConnection.Drain.Instance, TestActor);
        AckWrite(connection, handler, echo);

        await connection.ExpectMsgAsync<Tcp.Close>(); // not a ShutdownInput first: the input has ended already
    }
}
