using ActorEcho.Cli;

// Run socket completions on the epoll thread instead of a thread-pool hop. The runtime reads this once, when the first socket
// is created, so it must be set before anything touches a socket. Our code on that path never blocks (the read loop copies and
// tells an actor), and it measured +29% round trips at 1,000 connections (docs/performance.md). Set it to 0 to opt out.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

// Every connection is a descriptor: serve and bench both want the hard open-file limit, not the (often 1024) soft one.
FileDescriptors.RaiseSoftLimitToHard();

// actorecho [serve] [--host ADDR] [--port N] [--config FILE] [--max-connections N] [--log-level L]: see the README's "Console host".
return await new ActorEchoCommandLine(ServeRunner.RunAsync).InvokeAsync(args).ConfigureAwait(false);
