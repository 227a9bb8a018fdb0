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
        ReceiveBufferSize = Size(c, "receive-buffer-size", 1 << 20, min: 1024);
        SendBufferSize = Size(c, "send-buffer-size", 64 << 10, min: 1024);
        MaxReceivedChunk = Size(c, "max-received-chunk", 64 << 10, min: 1);
        WriteQueueMaxBytes = Size(c, "write-queue-max-bytes", 1 << 20, min: 1);
        MaxConnections = Int(c, "max-connections", 100_000, min: 0);
        RegisterTimeout = Positive(c, "register-timeout", TimeSpan.FromSeconds(5));
        BatchAcceptLimit = Int(c, "batch-accept-limit", 2, min: 1);
        NoDelay = c.GetBoolean(Section + "tcp-nodelay", true);
        KeepAlive = c.GetBoolean(Section + "keep-alive", false);
        Backlog = Int(c, "backlog", 1024, min: 1);
        AcceptErrorInitialBackoff = Positive(c, "accept-error-initial-backoff", TimeSpan.FromMilliseconds(10));
        AcceptErrorMaxBackoff = Positive(c, "accept-error-max-backoff", TimeSpan.FromSeconds(1));
    }

    /// <summary><c>receive-buffer-size</c>: bytes read ahead before the transport pauses reading.</summary>
    public int ReceiveBufferSize { get; }

    /// <summary><c>send-buffer-size</c>: unsent bytes the transport holds before a flush waits.</summary>
    public int SendBufferSize { get; }

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

    /// <summary><c>backlog</c>: the default listen backlog.</summary>
    public int Backlog { get; }

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

    private static int Size(IConfiguration c, string key, long defaultValue, long min)
    {
        var value = c.GetByteSize(Section + key, defaultValue);
        return value >= min && value <= int.MaxValue
            ? (int)value
            : throw ConfigurationValueException.OutOfRange(c, Section + key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a size between {min} bytes and 2GiB");
    }

    private static int Int(IConfiguration c, string key, int defaultValue, int min)
    {
        var value = c.GetInt32(Section + key, defaultValue);
        return value >= min ? value : throw ConfigurationValueException.OutOfRange(c, Section + key, value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at least {min}");
    }

    private static TimeSpan Positive(IConfiguration c, string key, TimeSpan defaultValue)
    {
        var value = c.GetDuration(Section + key, defaultValue);
        return value > TimeSpan.Zero ? value : throw ConfigurationValueException.OutOfRange(c, Section + key, value.ToString(), "a positive duration");
    }
}
