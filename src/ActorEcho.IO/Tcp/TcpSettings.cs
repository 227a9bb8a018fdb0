using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.IO;

/// <summary>
/// The TCP layer's settings (<c>actorecho.io.tcp.*</c>, defaults in the embedded <c>reference/io.conf</c>), read once per actor system
/// and validated: a bad value fails with a message naming the key (and file:line:col when it came from HOCON).
/// </summary>
public sealed class TcpSettings
{
    private const string Section = "actorecho:io:tcp:";

    /// <summary>Name of the embedded resource with the defaults.</summary>
    internal const string ReferenceResource = "ActorEcho.IO.reference.conf";

    private TcpSettings(IConfiguration c)
    {
        ReceiveBufferSize = (int)c.GetByteSize(Section + "receive-buffer-size", 64 << 10, 1024, 16 << 20);
        MaxReceivedChunk = (int)c.GetByteSize(Section + "max-received-chunk", 64 << 10, 1, int.MaxValue);
        WriteQueueMaxBytes = (int)c.GetByteSize(Section + "write-queue-max-bytes", 1 << 20, 1, int.MaxValue);
        MaxConnections = c.GetInt32(Section + "max-connections", 100_000, min: 0);
        RegisterTimeout = c.GetPositiveDuration(Section + "register-timeout", TimeSpan.FromSeconds(5));
        BatchAcceptLimit = c.GetInt32(Section + "batch-accept-limit", 2, min: 1);
        NoDelay = c.GetBoolean(Section + "tcp-nodelay", true);
        KeepAlive = c.GetBoolean(Section + "keep-alive", false);
        WaitForDataBeforeAllocatingBuffer = c.GetBoolean(Section + "wait-for-data-before-allocating-buffer", true);
        Backlog = c.GetInt32(Section + "backlog", 1024, min: 1);
        DescriptorReserve = c.GetInt32(Section + "descriptor-reserve", 64, min: 0);
        AcceptErrorInitialBackoff = c.GetPositiveDuration(Section + "accept-error-initial-backoff", TimeSpan.FromMilliseconds(10));
        AcceptErrorMaxBackoff = c.GetPositiveDuration(Section + "accept-error-max-backoff", TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// <c>receive-buffer-size</c>: the pooled buffer one receive call reads into, so the most a connection reads ahead of its handler
    /// (the kernel's socket buffer holds the rest).
    /// </summary>
    public int ReceiveBufferSize { get; }

    /// <summary><c>max-received-chunk</c>: the largest <see cref="Tcp.Received"/>.</summary>
    public int MaxReceivedChunk { get; }

    /// <summary><c>write-queue-max-bytes</c>: queued write bytes beyond which writes are refused.</summary>
    public int WriteQueueMaxBytes { get; }

    /// <summary><c>max-connections</c>: per listener; 0 = unlimited.</summary>
    public int MaxConnections { get; }

    /// <summary><c>register-timeout</c>.</summary>
    public TimeSpan RegisterTimeout { get; }

    /// <summary><c>batch-accept-limit</c>: concurrent accepts per listener.</summary>
    public int BatchAcceptLimit { get; }

    /// <summary><c>tcp-nodelay</c>.</summary>
    public bool NoDelay { get; }

    /// <summary><c>keep-alive</c>.</summary>
    public bool KeepAlive { get; }

    /// <summary>
    /// <c>wait-for-data-before-allocating-buffer</c>: an idle connection holds no receive buffer (a zero-byte read waits for
    /// data first), at the cost of one extra receive call per read.
    /// </summary>
    public bool WaitForDataBeforeAllocatingBuffer { get; }

    /// <summary><c>backlog</c>: the default listen backlog.</summary>
    public int Backlog { get; }

    /// <summary>
    /// <c>descriptor-reserve</c>: file descriptors kept free under the process's open-file limit; connections that would take them
    /// are refused like those beyond <see cref="MaxConnections"/>. 0 turns the check off.
    /// </summary>
    public int DescriptorReserve { get; }

    /// <summary><c>accept-error-initial-backoff</c>.</summary>
    public TimeSpan AcceptErrorInitialBackoff { get; }

    /// <summary><c>accept-error-max-backoff</c>.</summary>
    public TimeSpan AcceptErrorMaxBackoff { get; }

    /// <summary>Reads the settings; <paramref name="configuration"/> is layered over the embedded defaults.</summary>
    public static TcpSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var layered = new ConfigurationBuilder()
            .AddHoconResource(typeof(TcpSettings).Assembly, ReferenceResource)
            .AddConfiguration(configuration)
            .Build();
        return new TcpSettings(layered);
    }
}
