using ActorEcho.Configuration;
using ActorEcho.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorEcho.Hosting.Tests;

/// <summary>
/// Precedence (reference &lt; builder HOCON in order &lt; application configuration &lt; host-owned keys) and bad input at start:
/// a bad value or a likely typo fails the host's start with one line naming the key, and no actor system is left running.
/// </summary>
public sealed class ConfigurationTests(ITestOutputHelper output) : IDisposable
{
    private const string AskTimeout = "actorecho:actor:ask-timeout";
    private readonly CollectingLoggerProvider _logs = new(output);
    private readonly string _dir = Directory.CreateTempSubdirectory("actorecho-hosting-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Precedence_NothingSet_ReferenceDefault()
    {
        var system = await StartAsync(_ => { });

        Assert.Equal("infinite", system.Configuration[AskTimeout]);
    }

    [Fact]
    public async Task Precedence_BuilderSources_LaterWins()
    {
        var file = Write("system.conf", "actorecho.actor.ask-timeout = 3s\nactorecho.loglevel = Debug\n");

        var system = await StartAsync(b => b.AddHocon("actorecho.actor.ask-timeout = 2s").AddHoconFile(file).AddHocon("actorecho.loglevel = Warning"));

        Assert.Equal("3s", system.Configuration[AskTimeout]);
        Assert.Equal("Warning", system.Configuration["actorecho:loglevel"]);
    }

    [Fact]
    public async Task Precedence_ApplicationConfiguration_WinsOverBuilderHocon()
    {
        var system = await StartAsync(
            b => b.AddHocon("actorecho.actor.ask-timeout = 3s\nactorecho.log-dead-letters = off"),
            app => app[AskTimeout] = "7s");

        Assert.Equal("7s", system.Configuration[AskTimeout]);
        Assert.Equal("off", system.Configuration["actorecho:log-dead-letters"]);
    }

    [Fact]
    public async Task Precedence_ApplicationConfigurationTurnedOff_BuilderHoconWins()
    {
        var system = await StartAsync(
            b => b.AddHocon("actorecho.actor.ask-timeout = 3s").WithApplicationConfiguration(false),
            app => app[AskTimeout] = "7s");

        Assert.Equal("3s", system.Configuration[AskTimeout]);
    }

    [Fact]
    public async Task Precedence_RelativeHoconFile_ResolvesAgainstTheContentRoot()
    {
        Write("relative.conf", "actorecho.actor.ask-timeout = 4s");

        var system = await StartAsync(b => b.AddHoconFile("relative.conf"));

        Assert.Equal("4s", system.Configuration[AskTimeout]);
    }

    [Fact]
    public async Task Start_TypoInHoconFile_FailsWithKeySuggestionAndFileLineCol()
    {
        var file = Write("typo.conf", "actorecho {\n  actor {\n    ask-timout = 3s\n  }\n}\n");

        var ex = await StartFailsAsync<UnknownConfigurationKeyException>(b => b.AddHoconFile(file));

        Assert.Equal($"{file}:3:18: unknown key 'actorecho.actor.ask-timout' (did you mean 'actorecho.actor.ask-timeout'?)", ex.Message);
    }

    [Fact]
    public async Task Start_TypoInApplicationConfiguration_FailsWithKeyAndSuggestion()
    {
        var ex = await StartFailsAsync<UnknownConfigurationKeyException>(_ => { }, app => app["actorecho:coordinated-shutdown:default-phase-timout"] = "3s");

        Assert.Equal("unknown key 'actorecho.coordinated-shutdown.default-phase-timout' (did you mean 'actorecho.coordinated-shutdown.default-phase-timeout'?)", ex.Message);
    }

    [Fact]
    public async Task Start_TypoCheckTurnedOff_Starts()
    {
        var system = await StartAsync(b => b.WithUnknownKeyCheck(false), app => app["actorecho:actor:ask-timout"] = "3s");

        Assert.Equal("3s", system.Configuration["actorecho:actor:ask-timout"]);
    }

    [Fact]
    public async Task Start_UnrelatedUnknownKey_Starts()
    {
        var system = await StartAsync(_ => { }, app => app["actorecho:my-app:feature"] = "on");

        Assert.Equal("on", system.Configuration["actorecho:my-app:feature"]);
    }

    [Fact]
    public async Task Start_InvalidValue_FailsNamingTheKeyAndItsOrigin()
    {
        var file = Write("bad.conf", "actorecho.actor.default-dispatcher.throughput = -3\n");

        var ex = await StartFailsAsync<ConfigurationValueException>(b => b.AddHoconFile(file));

        Assert.StartsWith($"{file}:1:49: actorecho:actor:default-dispatcher:throughput = '-3'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_HoconSyntaxError_FailsWithFileLineCol()
    {
        var file = Write("broken.conf", "actorecho {\n  actor = \n");

        var ex = await StartFailsAsync<HoconParseException>(b => b.AddHoconFile(file));

        Assert.StartsWith(file + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MissingHoconFile_FailsNamingTheFile()
    {
        var missing = Path.Combine(_dir, "missing.conf");

        var ex = await StartFailsAsync<FileNotFoundException>(b => b.AddHoconFile(missing));

        Assert.Contains("missing.conf", ex.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private IHost Build(Action<ActorSystemBuilder> configure, Action<Microsoft.Extensions.Configuration.IConfigurationManager>? application)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dir });
        builder.Logging.AddProvider(_logs);
        application?.Invoke(builder.Configuration);
        builder.AddActorSystem("config", (system, _) => configure(system));
        return builder.Build();
    }

    private async Task<ActorSystem> StartAsync(Action<ActorSystemBuilder> configure, Action<Microsoft.Extensions.Configuration.IConfigurationManager>? application = null)
    {
        var host = Build(configure, application);
        await host.StartBoundedAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        await host.StopAndDisposeAsync();
        return system;
    }

    private async Task<TException> StartFailsAsync<TException>(Action<ActorSystemBuilder> configure, Action<Microsoft.Extensions.Configuration.IConfigurationManager>? application = null)
        where TException : Exception
    {
        var host = Build(configure, application);
        try
        {
            var ex = await Assert.ThrowsAsync<TException>(host.StartBoundedAsync);

            // Nothing was created that could be left running; resolving again reports the same error.
            Assert.Same(ex, Assert.Throws<TException>(() => host.Services.GetRequiredService<ActorSystem>()));
            return ex;
        }
        finally
        {
            await ((IAsyncDisposable)host).DisposeAsync();
        }
    }
}
