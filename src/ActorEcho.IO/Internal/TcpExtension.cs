using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace ActorEcho.IO.Internal;

/// <summary>
/// One per actor system: the TCP settings, Kestrel's socket connection factory and the <c>/system/IO-TCP</c> manager actor.
/// Created on first use of <see cref="Tcp.Manager"/>.
/// </summary>
internal sealed class TcpExtension
{
    private static readonly ConditionalWeakTable<ActorSystem, TcpExtension> s_extensions = [];

    private TcpExtension(ActorSystem system)
    {
        System = system;
        Settings = TcpSettings.FromConfiguration(system.Configuration);
        Metrics = new TcpMetrics(system.Name);
        EnsureFlushWaitsForSend();
        ConnectionFactory = new SocketConnectionContextFactory(
            new SocketConnectionFactoryOptions
            {
                MaxReadBufferSize = Settings.ReceiveBufferSize,
                MaxWriteBufferSize = TcpConnection.OutputPauseThreshold, // acks mean "handed to the socket"; see there
                WaitForDataBeforeAllocatingBuffer = Settings.WaitForDataBeforeAllocatingBuffer,
                UnsafePreferInlineScheduling = Settings.InlineScheduling,
            },
            system.LoggerFactory.CreateLogger("ActorEcho.IO.Transport"));
        Manager = system.SystemActorOf(Props.Create(() => new TcpManager(this)).WithDispatcher("internal-dispatcher"), "IO-TCP");
        system.WhenTerminated.ContinueWith(
            static (_, s) =>
            {
                var extension = (TcpExtension)s!;
                extension.Metrics.Dispose();
                extension.ConnectionFactory.Dispose();
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public ActorSystem System { get; }

    public TcpSettings Settings { get; }

    public TcpMetrics Metrics { get; }

    private int _openConnections;

    /// <summary>
    /// Wraps each accepted socket in Kestrel's pipe-based connection. The listener accepts on its own socket (not Kestrel's
    /// listener, which retries every accept error at once and so spins on EMFILE) and hands the sockets here.
    /// </summary>
    public SocketConnectionContextFactory ConnectionFactory { get; }

    public IActorRef Manager { get; }

    /// <summary>Connections open across every listener of this system (each holds a descriptor).</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    public void ConnectionsOpened(int count) => Interlocked.Add(ref _openConnections, count);

    /// <summary>
    /// How many connections this process can hold in all while <c>descriptor-reserve</c> descriptors stay free for the runtime
    /// (which aborts when it cannot open a file, e.g. to read memory status for the GC); null when unknown or turned off.
    /// Measured now: what is open beyond our connections (runtime, listeners, files) is assumed to stay.
    /// </summary>
    public long? ConnectionDescriptorBudget()
    {
        if (Settings.DescriptorReserve == 0 || FileDescriptors.SoftLimit is not { } soft || FileDescriptors.OpenCount is not { } open)
        {
            return null;
        }

        return Math.Max(0, soft - (open - OpenConnections) - Settings.DescriptorReserve);
    }

    /// <summary>
    /// Acks rely on Kestrel's output pipe pausing at 1 byte and resuming at none left (see <see cref="TcpConnection.OutputPauseThreshold"/>):
    /// Kestrel asks for a resume threshold of 0, which the runtime's <see cref="PipeOptions"/> raises to 1. A runtime that took 0
    /// literally would never resume a paused writer, hanging every write, so refuse to start instead.
    /// </summary>
    private static void EnsureFlushWaitsForSend()
    {
        var options = new PipeOptions(pauseWriterThreshold: TcpConnection.OutputPauseThreshold, resumeWriterThreshold: TcpConnection.OutputPauseThreshold / 2);
        if (options.ResumeWriterThreshold != 1)
        {
            throw new PlatformNotSupportedException(
                $"This runtime's PipeOptions keeps a resume threshold of {options.ResumeWriterThreshold} for a pause threshold of 1; ActorEcho.IO needs 1 (ack after send).");
        }
    }

    public static TcpExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        lock (s_extensions)
        {
            if (!s_extensions.TryGetValue(system, out var extension))
            {
                extension = new TcpExtension(system);
                s_extensions.Add(system, extension);
            }

            return extension;
        }
    }
}
