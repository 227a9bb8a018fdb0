namespace ActorEcho.Configuration.Tests;

/// <summary>Realistic documents shared by round-trip, fuzz and performance tests.</summary>
internal static class SampleDocuments
{
    public const string ActorEcho = """"
        # ActorEcho sample configuration
        actorecho {
          name = "echo-node"
          io {
            tcp {
              host = 0.0.0.0
              port = 7000
              backlog : 100
              max-connections = 1000
              no-delay = on
              keep-alive = true
            }
            buffer-size = 64KiB
            read-timeout = 30s
          }
          // path keys and merging
          io.tcp.port = 7001
          actors {
            default-mailbox { capacity = 1000, overflow = drop-oldest }
            dispatchers = [ "default", "io" ]
            dispatchers += "blocking"
          }
          greeting = "hello "${actorecho.name}
          tags = [ a, b ] [ c ]
          seeds = [
            { host = "10.0.0.1", port = 2552 },
            { host = "10.0.0.2", port = 2552 }
          ]
          retry { attempts = 3, backoff = 250ms }
          retry = ${actorecho.retry} { max-backoff = 1.5 minutes }
          banner = """Welcome to
          "ActorEcho" \ no escapes"""
          "dotted.key" = 1e+5
          nothing = null
          home = ${?ACTORECHO_SAMPLE_UNSET_VARIABLE}
          unicode = "caf\u00e9 \t tab"
        }
        """";
}
