using System.Net;
using ActorEcho.Actors;
using ActorEcho.Actors.Dispatch;
using ActorEcho.IO;
using ActorEcho.IO.Buffers;
using ActorEcho.Server;
using BenchmarkDotNet.Attributes;

namespace ActorEcho.Benchmarks.Server;

/// <summary>
/// The echo path in memory, no socket: a <see cref="Tcp.Received"/> into an <see cref="EchoConnection"/>, its <see cref="Tcp.Write"/> into a
/// stand-in connection actor that acks as the real one does. <c>Inline</c> delivers as the TCP read loop does (an inline source, both
/// actors on the io-dispatcher: everything runs on the calling thread); <c>ThreadPool</c>, the baseline, puts both actors on the
/// default dispatcher, so each frame costs two thread-pool hops. <see cref="InFlight"/> is how many frames are sent before waiting
/// for their echoes: 1 is a request/response client (every hop is paid in full), 1000 a pipelining one (hops amortised over batches).
/// Allocated bytes per frame are what the echo path itself allocates: the Received frames are made once in the setup, as the read
/// loop's copies are not part of this path.
/// </summary>
public class EchoPathBenchmark
{
    private const int Batch = 1_000;

    private readonly Tcp.Received[] _frames = new Tcp.Received[Batch];
    private ActorSystem _system = null!;
    private IActorRef _inlineEcho = null!;
    private ConnectionStub.Counter _inlineCounter = null!;
    private IActorRef _pooledEcho = null!;
    private ConnectionStub.Counter _pooledCounter = null!;

    /// <summary>Frames sent before waiting for their echoes.</summary>
    [Params(1, 1000)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        for (var i = 0; i < Batch; i++)
        {
            _frames[i] = new Tcp.Received(ByteString.CopyFrom(new byte[64]));
        }

        (_inlineEcho, _inlineCounter) = CreatePair(Tcp.IODispatcherId);
        (_pooledEcho, _pooledCounter) = CreatePair(Props.DefaultDispatcherId);
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    /// <summary>Both actors on the default dispatcher: a thread-pool hop into the handler and another into the connection.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public void ThreadPool()
    {
        var counter = _pooledCounter;
        var sent = counter.Frames;
        for (var i = 0; i < Batch; i++)
        {
            _pooledEcho.Tell(_frames[i], ActorRefs.NoSender);
            if (++sent % InFlight == 0)
            {
                counter.WaitFor(sent);
            }
        }

        counter.WaitFor(sent);
    }

    /// <summary>As the read loop delivers: the handler and the connection run on this thread, no hop.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void Inline()
    {
        var counter = _inlineCounter;
        var sent = counter.Frames;
        var previous = Mailbox.EnterInlineSource();
        try
        {
            for (var i = 0; i < Batch; i++)
            {
                _inlineEcho.Tell(_frames[i], ActorRefs.NoSender);
                if (++sent % InFlight == 0)
                {
                    counter.WaitFor(sent);
                }
            }
        }
        finally
        {
            Mailbox.ExitInlineSource(previous);
        }

        counter.WaitFor(sent);
    }

    private (IActorRef Echo, ConnectionStub.Counter Counter) CreatePair(string dispatcher)
    {
        var counter = new ConnectionStub.Counter();
        var connection = _system.ActorOf(Props.Create(() => new ConnectionStub(counter)).WithDispatcher(dispatcher));
        var echo = _system.ActorOf(EchoConnection.CreateProps(connection, new IPEndPoint(IPAddress.Loopback, 1), EchoServerSettings.Default, 0).WithDispatcher(dispatcher));

        // Warm both actors (creation, first messages) before measuring.
        echo.Tell(_frames[0], ActorRefs.NoSender);
        counter.WaitFor(1);
        return (echo, counter);
    }

    /// <summary>Stands in for the TCP connection actor: counts each write and acks the ones that ask, as the real one does after a flush.</summary>
    private sealed class ConnectionStub : ActorBase
    {
        private readonly Counter _counter;

        public ConnectionStub(Counter counter) => _counter = counter;

        protected override bool Receive(object message)
        {
            if (message is not Tcp.Write write)
            {
                return message is Tcp.SuspendReading or Tcp.ResumeReading;
            }

            if (write.WantsAck)
            {
                Sender.Tell(write.Ack, Self);
            }

            _counter.Add(write.Data.Count > 0 ? 1 : 0);
            return true;
        }

        public sealed class Counter
        {
            private readonly ManualResetEventSlim _changed = new();
            private long _frames;

            public long Frames => Volatile.Read(ref _frames);

            public void Add(int frames)
            {
                Interlocked.Add(ref _frames, frames);
                _changed.Set();
            }

            public void WaitFor(long frames)
            {
                while (Frames < frames)
                {
                    _changed.Reset();
                    if (Frames < frames)
                    {
                        _changed.Wait(TimeSpan.FromSeconds(10));
                    }
                }
            }
        }
    }
}
