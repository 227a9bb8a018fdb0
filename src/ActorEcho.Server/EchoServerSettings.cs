using System.Globalization;
using System.Net;
using ActorEcho.Configuration;
using Microsoft.Extensions.Configuration;

namespace ActorEcho.Server;

/// <summary>
/// The echo server's settings (<c>actorecho.server.*</c>, defaults in the embedded <c>reference/server.conf</c>): where to listen,
/// per-connection flow control and limits, re-bind back-off and drain timeout. Immutable; read once and validated.
/// </summary>
/// <remarks>
/// Build from configuration with <see cref="FromConfiguration"/> (a bad value fails with the key and its file:line:col), or in code
/// from <see cref="Default"/> with a <c>with</c> expression: <c>EchoServerSettings.Default with { Port = 0 }</c>. Each property checks
/// its own range; rules that span properties (low &lt; high water mark, initial &lt;= max back-off) are checked by
/// <see cref="EchoServer.CreateProps(EchoServerSettings, IActorRef)"/>.
/// </remarks>
public sealed record EchoServerSettings
{
    /// <summary>Name of the embedded resource with the defaults.</summary>
    internal const string ReferenceResource = "ActorEcho.Server.reference.conf";

    private const string Section = "actorecho:server:";

    private readonly IPAddress _host = IPAddress.Loopback;
    private readonly int _port = 7000;
    private readonly int _backlog = 1024;
    private readonly long _highWaterMark = 256 * 1024;
    private readonly long _lowWaterMark = 64 * 1024;
    private readonly long _ackEvery = 32 * 1024;
    private readonly TimeSpan? _idleTimeout;
    private readonly string _greeting = string.Empty;
    private readonly long _maxBytesPerConnection;
    private readonly TimeSpan _rebindInitialBackoff = TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan _rebindMaxBackoff = TimeSpan.FromSeconds(10);
    private readonly TimeSpan _drainTimeout = TimeSpan.FromSeconds(5);
    private readonly TimeSpan _drainQuietPeriod = TimeSpan.FromMilliseconds(200);

    /// <summary>The defaults of <c>reference/server.conf</c>.</summary>
    public static EchoServerSettings Default { get; } = new();

    /// <summary><c>host</c>: the address to listen on (default 127.0.0.1).</summary>
    public IPAddress Host
    {
        get => _host;
        init => _host = value ?? throw new ArgumentNullException(nameof(Host));
    }

    /// <summary><c>port</c>: 0–65535; 0 lets the OS pick one (default 7000).</summary>
    public int Port
    {
        get => _port;
        init => _port = value is >= IPEndPoint.MinPort and <= IPEndPoint.MaxPort ? value : throw OutOfRange(nameof(Port), value, "must be between 0 and 65535");
    }

    /// <summary><c>backlog</c>: connections the kernel queues before they are accepted (default 1024).</summary>
    public int Backlog
    {
        get => _backlog;
        init => _backlog = value >= 1 ? value : throw OutOfRange(nameof(Backlog), value, "must be at least 1");
    }

    /// <summary><c>high-water-mark</c>: unacknowledged echo bytes per connection above which reading is suspended (default 256 KiB).</summary>
    public long HighWaterMark
    {
        get => _highWaterMark;
        init => _highWaterMark = NonNegative(nameof(HighWaterMark), value);
    }

    /// <summary><c>low-water-mark</c>: reading resumes at or below this many unacknowledged bytes (default 64 KiB).</summary>
    public long LowWaterMark
    {
        get => _lowWaterMark;
        init => _lowWaterMark = NonNegative(nameof(LowWaterMark), value);
    }

    /// <summary><c>ack-every</c>: echoed bytes after which a write asks for an ack; 0 asks on every write (default 32 KiB).</summary>
    public long AckEvery
    {
        get => _ackEvery;
        init => _ackEvery = NonNegative(nameof(AckEvery), value);
    }

    /// <summary><c>idle-timeout</c>: close a connection after this long without traffic; null (<c>off</c>, the default) never does.</summary>
    public TimeSpan? IdleTimeout
    {
        get => _idleTimeout;
        init => _idleTimeout = value is null || value > TimeSpan.Zero ? value : throw OutOfRange(nameof(IdleTimeout), value, "must be positive, or null for off");
    }

    /// <summary><c>greeting</c>: a line (without its "\n") written to each client on connect; empty (the default) sends none.</summary>
    public string Greeting
    {
        get => _greeting;
        init => _greeting = value ?? throw new ArgumentNullException(nameof(Greeting));
    }

    /// <summary><c>max-bytes-per-connection</c>: bytes a client may send before its connection is reset; 0 (the default) = unlimited.</summary>
    public long MaxBytesPerConnection
    {
        get => _maxBytesPerConnection;
        init => _maxBytesPerConnection = NonNegative(nameof(MaxBytesPerConnection), value);
    }

    /// <summary><c>rebind-initial-backoff</c>: first pause before binding again after a failure (default 100 ms).</summary>
    public TimeSpan RebindInitialBackoff
    {
        get => _rebindInitialBackoff;
        init => _rebindInitialBackoff = Positive(nameof(RebindInitialBackoff), value);
    }

    /// <summary><c>rebind-max-backoff</c>: longest pause between re-bind attempts (default 10 s).</summary>
    public TimeSpan RebindMaxBackoff
    {
        get => _rebindMaxBackoff;
        init => _rebindMaxBackoff = Positive(nameof(RebindMaxBackoff), value);
    }

    /// <summary><c>drain-timeout</c>: how long <see cref="EchoServer.Drain"/> waits by default before resetting what is left (default 5 s).</summary>
    public TimeSpan DrainTimeout
    {
        get => _drainTimeout;
        init => _drainTimeout = Positive(nameof(DrainTimeout), value);
    }

    /// <summary>
    /// <c>drain-quiet-period</c>: while draining, a connection that has echoed everything it read closes only after this long without
    /// any traffic, so bytes the client sent before the drain but still in the kernel or the transport's buffers are echoed too
    /// (default 200 ms; zero closes as soon as it has caught up).
    /// </summary>
    public TimeSpan DrainQuietPeriod
    {
        get => _drainQuietPeriod;
        init => _drainQuietPeriod = value >= TimeSpan.Zero ? value : throw OutOfRange(nameof(DrainQuietPeriod), value, "must not be negative");
    }

    /// <summary>The address and port to bind.</summary>
    public IPEndPoint LocalEndPoint => new(Host, Port);

    /// <summary>
    /// Reads <c>actorecho.server.*</c> from <paramref name="configuration"/> (a configuration root), layered over the embedded defaults,
    /// and validates it.
    /// </summary>
    /// <exception cref="ConfigurationValueException">A value is malformed or out of range; the message names the key and, for HOCON, its file:line:col.</exception>
    public static EchoServerSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var layered = new ConfigurationBuilder()
            .AddHoconResource(typeof(EchoServerSettings).Assembly, ReferenceResource)
            .AddConfiguration(configuration)
            .Build();
        return new Reader(layered).Read();
    }

    /// <summary>Checks the rules that span properties, which <c>init</c> accessors cannot see.</summary>
    /// <exception cref="ArgumentException">The water marks or the back-off bounds contradict each other.</exception>
    internal void Validate()
    {
        if (LowWaterMark >= HighWaterMark)
        {
            throw new ArgumentException($"{nameof(LowWaterMark)} ({LowWaterMark}) must be below {nameof(HighWaterMark)} ({HighWaterMark}).", nameof(LowWaterMark));
        }

        if (RebindMaxBackoff < RebindInitialBackoff)
        {
            throw new ArgumentException($"{nameof(RebindMaxBackoff)} ({RebindMaxBackoff}) must be at least {nameof(RebindInitialBackoff)} ({RebindInitialBackoff}).", nameof(RebindMaxBackoff));
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(string property, object? value, string expectation) =>
        new(property, value, $"{property} {expectation}.");

    private static long NonNegative(string property, long value) => value >= 0 ? value : throw OutOfRange(property, value, "must not be negative");

    private static TimeSpan Positive(string property, TimeSpan value) => value > TimeSpan.Zero ? value : throw OutOfRange(property, value, "must be positive");

    /// <summary>Reads <c>actorecho.server.*</c> from the layered configuration; errors name the key and, for HOCON, its file:line:col.</summary>
    private readonly struct Reader(IConfigurationRoot configuration)
    {
        public EchoServerSettings Read()
        {
            var settings = new EchoServerSettings
            {
                Host = ReadHost(),
                Port = configuration.GetInt32(Section + "port", Default.Port, IPEndPoint.MinPort, IPEndPoint.MaxPort),
                Backlog = configuration.GetInt32(Section + "backlog", Default.Backlog, min: 1),
                HighWaterMark = configuration.GetByteSize(Section + "high-water-mark", Default.HighWaterMark, min: 0),
                LowWaterMark = configuration.GetByteSize(Section + "low-water-mark", Default.LowWaterMark, min: 0),
                AckEvery = configuration.GetByteSize(Section + "ack-every", Default.AckEvery, min: 0),
                IdleTimeout = ReadIdleTimeout(),
                Greeting = configuration.GetString(Section + "greeting", string.Empty),
                MaxBytesPerConnection = configuration.GetByteSize(Section + "max-bytes-per-connection", 0, min: 0),
                RebindInitialBackoff = configuration.GetPositiveDuration(Section + "rebind-initial-backoff", Default.RebindInitialBackoff),
                RebindMaxBackoff = configuration.GetPositiveDuration(Section + "rebind-max-backoff", Default.RebindMaxBackoff),
                DrainTimeout = configuration.GetPositiveDuration(Section + "drain-timeout", Default.DrainTimeout),
                DrainQuietPeriod = ReadDrainQuietPeriod(),
            };

            if (settings.LowWaterMark >= settings.HighWaterMark)
            {
                throw Fail("low-water-mark", Text(settings.LowWaterMark), $"must be below high-water-mark ({Text(settings.HighWaterMark)} bytes)");
            }

            if (settings.RebindMaxBackoff < settings.RebindInitialBackoff)
            {
                throw Fail("rebind-max-backoff", settings.RebindMaxBackoff.ToString(), $"must be at least rebind-initial-backoff ({settings.RebindInitialBackoff})");
            }

            return settings;
        }

        private ConfigurationValueException Fail(string key, string value, string expectation) =>
            ConfigurationValueException.OutOfRange(configuration, Section + key, value, expectation);

        private IPAddress ReadHost()
        {
            var text = configuration.GetString(Section + "host", "127.0.0.1").Trim();
            if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return IPAddress.Loopback;
            }

            return IPAddress.TryParse(text, out var address)
                ? address
                : throw Fail("host", text, "must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1) or 'localhost'");
        }

        private TimeSpan? ReadIdleTimeout()
        {
            var value = configuration.GetDurationOrInfinite(Section + "idle-timeout", null);
            return value is null || value > TimeSpan.Zero ? value : throw Fail("idle-timeout", value.Value.ToString(), "must be a positive duration or 'off'");
        }

        private TimeSpan ReadDrainQuietPeriod()
        {
            var value = configuration.GetDuration(Section + "drain-quiet-period", Default.DrainQuietPeriod);
            return value >= TimeSpan.Zero ? value : throw Fail("drain-quiet-period", value.ToString(), "must not be negative");
        }

        private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
