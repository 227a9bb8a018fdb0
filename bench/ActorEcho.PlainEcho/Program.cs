using ActorEcho.EchoBaselines;
using ActorEcho.PlainEcho;

// PlainEcho PORT: the same transport, options and process settings as actorecho (src/ActorEcho/Program.cs, hocon/reference/io.conf),
// minus the actors, so the difference between the two is what the actor layer costs.
return await EchoBaselineMain.RunAsync("PlainEcho", args, EchoServer.RunAsync);
