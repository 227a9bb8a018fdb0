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
        ConnectionFactory = new SocketConnectionContextFactory(
            new SocketConnectionFactoryOptions
            {
                MaxReadBufferSize = Settings.ReceiveBufferSize,
                MaxWriteBufferSize = Settings.SendBufferSize,
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

    /// <summary>
    /// Wraps each accepted socket in Kestrel's pipe-based connection. The listener accepts on its own socket (not Kestrel's
    /// listener, which retries every accept error at once and so spins on EMFILE) and hands the sockets here.
    /// </summary>
    public SocketConnectionContextFactory ConnectionFactory { get; }

    public IActorRef Manager { get; }

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
