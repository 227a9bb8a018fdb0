using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorEcho.Configuration;
using ActorEcho.Hosting.Tests.Infrastructure;
using ActorEcho.Server;
using ActorEcho.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.Hosting.Tests.EchoServer;

/// <summary>WithEchoServer / AddEchoServer in a real host, over real loopback sockets on port 0.</summary>
public sealed class EchoServerHostingTests(ITestOutputHelper output)
{
    private readonly CollectingLoggerProvider _logs = new(output);

    [Fact]
    public async Task AddEchoServer_Port0_RegisteredBoundToARealPortAndEchoes()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("echo", (_, _) => { });
        builder.Services.AddEchoServer(s => s with { Port = 0 });
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var binding = host.Services.GetRequiredService<EchoServerBindings>().Get<Server.EchoServer>();
            Assert.Equal(IPAddress.Loopback, binding.LocalAddress.Address);
            Assert.NotEqual(0, binding.LocalAddress.Port);
            Assert.Same(host.Services.GetRequiredService<ActorRegistry>().Get<Server.EchoServer>(), binding.Server);
            Assert.EndsWith("/user/echo-server", binding.Server.Path.ToString(), StringComparison.Ordinal);

            using var client = await LoopbackClient.ConnectAsync(binding.LocalAddress);
            Assert.Equal("ping"u8.ToArray(), await client.RoundTripAsync("ping"u8.ToArray()));
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task WithEchoServer_TwoKeys_TwoServersOnDifferentPortsBothEcho()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("two", (system, _) => system
            .WithEchoServer<Public>(s => s with { Port = 0 })
            .WithEchoServer<Admin>(s => s with { Port = 0, Greeting = "admin" }));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var bindings = EchoServerBindings.For(host.Services.GetRequiredService<ActorSystem>());
            var publicAddress = bindings.Get<Public>().LocalAddress;
            var adminAddress = (await bindings.GetAsync<Admin>()).LocalAddress;
            Assert.NotEqual(publicAddress.Port, adminAddress.Port);
            Assert.Equal(2, bindings.All.Count);
            Assert.EndsWith("/user/echo-server-admin", bindings.Get<Admin>().Server.Path.ToString(), StringComparison.Ordinal);

            using var first = await LoopbackClient.ConnectAsync(publicAddress);
            using var second = await LoopbackClient.ConnectAsync(adminAddress);
            Assert.Equal("admin\n", Encoding.ASCII.GetString(await second.ReceiveExactlyAsync(6)));
            Assert.Equal("one"u8.ToArray(), await first.RoundTripAsync("one"u8.ToArray()));
            Assert.Equal("two"u8.ToArray(), await second.RoundTripAsync("two"u8.ToArray()));
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Start_PortInUse_FailsWithOneLineErrorLoggedOnceAndNothingLeftBound()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var taken = ((IPEndPoint)occupier.LocalEndpoint).Port;
        var builder = TestHosts.CreateBuilder(_logs);
        builder.AddActorSystem("in-use", (system, _) => system
            .WithEchoServer<Public>(s => s with { Port = 0 })
            .WithEchoServer<Admin>(s => s with { Port = taken }));
        var host = builder.Build();
        try
        {
            var ex = await Assert.ThrowsAsync<EchoServerBindException>(host.StartBoundedAsync);

            Assert.Equal($"cannot listen on 127.0.0.1:{taken}: address already in use", ex.Message);
            Assert.Equal(taken, ex.EndPoint.Port);
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.True(system.IsTerminated);
            var error = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Error);
            Assert.Same(ex, error.Exception);

            // The server that had bound before the failure was unbound when the system terminated.
            var started = EchoServerBindings.For(system).Get<Public>().LocalAddress;
            var refused = await Assert.ThrowsAsync<SocketException>(() => LoopbackClient.ConnectAsync(started));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task Stop_WithOpenConnections_EchoesDeliveredThenConnectionsClosedWithinTheHostTimeout()
    {
        var builder = TestHosts.CreateBuilder(_logs, shutdownTimeout: TimeSpan.FromSeconds(20));
        builder.AddActorSystem("drain", (system, _) => system.WithEchoServer(s => s with { Port = 0 }));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var address = EchoServerBindings.For(host.Services.GetRequiredService<ActorSystem>()).Get<Server.EchoServer>().LocalAddress;
            using var first = await LoopbackClient.ConnectAsync(address);
            using var second = await LoopbackClient.ConnectAsync(address);
            Assert.Equal("a"u8.ToArray(), await first.RoundTripAsync("a"u8.ToArray()));
            Assert.Equal("b"u8.ToArray(), await second.RoundTripAsync("b"u8.ToArray()));
            await first.SendAsync("unread echo"u8.ToArray());
            await WaitUntilReceivableAsync(first, "unread echo".Length); // echoed, still in the client's kernel buffer

            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

            var firstEnd = await first.ReceiveUntilEofAsync();
            Assert.Equal(ClientEnd.Eof, firstEnd.End);
            Assert.Equal("unread echo", Encoding.ASCII.GetString(firstEnd.Data));
            Assert.Equal(new ReceiveOutcome([], ClientEnd.Eof).ToString(), (await second.ReceiveUntilEofAsync()).ToString());
            await Assert.ThrowsAsync<SocketException>(() => LoopbackClient.ConnectAsync(address));
            Assert.Contains(_logs.Entries, e => e.Message.Contains("stopped accepting connections", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    [Fact]
    public async Task Settings_Precedence_HoconThenApplicationConfigurationThenCallback()
    {
        var builder = TestHosts.CreateBuilder(_logs);
        builder.Configuration["actorecho:server:port"] = "0";
        builder.Configuration["actorecho:server:greeting"] = "from appsettings";
        builder.AddActorSystem("settings", (system, _) => system
            .AddHocon("actorecho.server { greeting = \"from hocon\", port = 1 }")
            .WithEchoServer<Public>()
            .WithEchoServer<Admin>(s => s with { Greeting = "from code" }));
        var host = builder.Build();
        await host.StartBoundedAsync();
        try
        {
            var bindings = EchoServerBindings.For(host.Services.GetRequiredService<ActorSystem>());
            using var fromConfig = await LoopbackClient.ConnectAsync(bindings.Get<Public>().LocalAddress);
            using var fromCode = await LoopbackClient.ConnectAsync(bindings.Get<Admin>().LocalAddress);

            Assert.Equal("from appsettings\n", Encoding.ASCII.GetString(await fromConfig.ReceiveExactlyAsync(17)));
            Assert.Equal("from code\n", Encoding.ASCII.GetString(await fromCode.ReceiveExactlyAsync(10)));
        }
        finally
        {
            await host.StopAndDisposeAsync();
        }
    }

    [Fact]
    public async Task Start_PortOutOfRangeInConfiguration_FailsNamingTheKeyAndTerminatesTheSystem()
    {
        var ex = await StartFailsAsync<ConfigurationValueException>(app => app["actorecho:server:port"] = "70000", s => s);

        Assert.Equal("actorecho:server:port", ex.Key);
        Assert.StartsWith("actorecho:server:port: actorecho:server:port = '70000'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NegativeLimitFromCode_FailsNamingTheSetting()
    {
        var ex = await StartFailsAsync<ArgumentOutOfRangeException>(_ => { }, s => s with { MaxBytesPerConnection = -1 });

        Assert.Contains("MaxBytesPerConnection must not be negative", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TypoInServerKey_FailsWithSuggestion()
    {
        var ex = await StartFailsAsync<UnknownConfigurationKeyException>(app => app["actorecho:server:prot"] = "7001", s => s);

        Assert.Equal("unknown key 'actorecho.server.prot' (did you mean 'actorecho.server.port'?)", ex.Message);
    }

    private async Task<TException> StartFailsAsync<TException>(Action<Microsoft.Extensions.Configuration.IConfigurationManager> application, Func<EchoServerSettings, EchoServerSettings> configure)
        where TException : Exception
    {
        var builder = TestHosts.CreateBuilder(_logs);
        application(builder.Configuration);
        builder.AddActorSystem("bad", (system, _) => system.WithEchoServer(s => configure(s with { Port = 0 })));
        var host = builder.Build();
        try
        {
            var ex = await Assert.ThrowsAsync<TException>(host.StartBoundedAsync);
            if (typeof(TException) != typeof(UnknownConfigurationKeyException))
            {
                Assert.True(host.Services.GetRequiredService<ActorSystem>().IsTerminated);
            }

            return ex;
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> bytes can be read, without reading them (MSG_PEEK).</summary>
    private static async Task WaitUntilReceivableAsync(LoopbackClient client, int count)
    {
        var buffer = new byte[count];
        using var cts = new CancellationTokenSource(LoopbackClient.DefaultTimeout);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (await client.Socket.ReceiveAsync(buffer, SocketFlags.Peek, cts.Token) >= count)
            {
                return;
            }

            await Task.Yield();
        }

        throw new TimeoutException($"{count} bytes did not arrive.");
    }

    private sealed class Public;

    private sealed class Admin;
}
