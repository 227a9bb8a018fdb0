using System.Runtime.CompilerServices;

namespace ActorEcho.IO.Internal;

/// <summary>
/// One per actor system: the TCP settings, metrics, the open-connection count and the <c>/system/IO-TCP</c> manager actor.
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
        RegisterTimeouts = new RegisterTimeouts(Settings.RegisterTimeout);
        Manager = system.SystemActorOf(Props.Create(() => new TcpManager(this)).WithDispatcher("internal-dispatcher"), "IO-TCP");
        system.WhenTerminated.ContinueWith(
            static (_, s) =>
            {
                var extension = (TcpExtension)s!;
                extension.Metrics.Dispose();
                extension.RegisterTimeouts.Dispose();
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public ActorSystem System { get; }

    public TcpSettings Settings { get; }

    public TcpMetrics Metrics { get; }

    /// <summary>One timer for the register timeouts of all connections.</summary>
    public RegisterTimeouts RegisterTimeouts { get; }

    private int _openConnections;

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
