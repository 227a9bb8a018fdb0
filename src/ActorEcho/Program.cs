using ActorEcho.Cli;

// actorecho [serve] [--host ADDR] [--port N] [--config FILE] [--max-connections N] [--log-level L]: see the README's "Console host".
return await new ActorEchoCommandLine(ServeRunner.RunAsync).InvokeAsync(args).ConfigureAwait(false);
