using ActorEcho.Hosting;
using ActorEcho.Server.Hosting;
using EmbeddedEcho;
using EmbeddedEcho.Greeting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// An ordinary Generic Host application: appsettings.json, environment variables and the command line configure it as usual
// (`--actorecho:server:port=0` picks a free port). The content root is the output folder, so it runs from any directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.Configure<GreeterOptions>(builder.Configuration.GetSection(GreeterOptions.SectionName));

// One actor system for the whole application: HOCON for the echo server's flow control (embedded-echo.conf), the port from
// appsettings.json (the application's configuration sits above every HOCON file), our own greeter, then the echo server.
builder.AddActorSystem("embedded-echo", static (system, _) => system
    .AddHoconFile("embedded-echo.conf")
    .WithGreeter()
    .WithEchoServer());

// Uses the actors once they are up: asks the greeter, prints the echo server's address.
builder.Services.AddHostedService<StartupReport>();

// The host's stop runs coordinated shutdown; give it more than embedded-echo.conf's drain-timeout (3 s) plus the other phases.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

await builder.Build().RunAsync().ConfigureAwait(false);
