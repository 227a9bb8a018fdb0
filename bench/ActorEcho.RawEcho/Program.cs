using ActorEcho.EchoBaselines;
using ActorEcho.RawEcho;

// RawEcho PORT: PlainEcho (bench/ActorEcho.PlainEcho) without Kestrel's transport: one async receive/send loop per socket, with
// the same process settings, so PlainEcho minus RawEcho is what the transport's pipes and scheduling cost.
return await EchoBaselineMain.RunAsync("RawEcho", args, EchoServer.RunAsync);
