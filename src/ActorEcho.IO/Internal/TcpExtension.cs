using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace ActorEcho.IO.Internal;

/// <summary>
/// One per actor system: the TCP settings, the Kestrel socket transport factory and the <c>/system/IO-TCP</c> manager actor.
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
        TransportFactory = new SocketTransportFactory(
            Options.Create(new SocketTransportOptions
            {
                NoDelay = Settings.NoDelay,
                MaxReadBufferSize = Settings.ReceiveBufferSize,
                MaxWriteBufferSize = Settings.SendBufferSize,
                WaitForDataBeforeAllocatingBuffer = Settings.WaitForDataBeforeAllocatingBuffer,
                UnsafePreferInlineScheduling = Settings.InlineScheduling,
            }),
            system.LoggerFactory);
        Manager = system.SystemActorOf(Props.Create(() => new TcpManager(this)).WithDispatcher("internal-dispatcher"), "IO-TCP");
        system.WhenTerminated.ContinueWith(static (_, s) => ((TcpMetrics)s!).Dispose(), Metrics, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public ActorSystem System { get; }

    public TcpSettings Settings { get; }

    public TcpMetrics Metrics { get; }

    public SocketTransportFactory TransportFactory { get; }

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
