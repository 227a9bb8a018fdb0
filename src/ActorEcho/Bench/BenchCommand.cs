using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActorEcho.Cli.Bench;

/// <summary>
/// The <c>bench</c> subcommand: <c>actorecho bench rr|stream|idle|churn|slowloris|flood|slowread [--host H] [--port N] [--connections N]
/// [--size S] [--duration D | --count K] [--ramp R] [--warmup D] [--json FILE] [--seed N] [--server-pid PID] [--pace D] [--bytes S]</c>
/// (docs/load-client.md).
/// </summary>
internal static class BenchCommand
{
    private const string ModeNames = "rr, stream, idle, churn, slowloris, flood, slowread";

    /// <summary>
    /// Builds the subcommand; its action passes the validated options to <paramref name="run"/> (default: <see cref="BenchRunner"/>
    /// on the process console) and returns its exit code.
    /// </summary>
    public static Command Create(Func<BenchOptions, CancellationToken, Task<int>>? run = null)
    {
        run ??= static (options, cancellationToken) => new BenchRunner(BenchConsole.System).RunAsync(options, cancellationToken);
        var mode = new Argument<BenchMode>("mode")
        {
            Description = "rr (request/response), stream (pipelined), idle (hold connections, then verify), churn (connect, echo, close), "
                + "slowloris (one byte per --pace), flood (--ramp connects/s, each echo then close), slowread (write --bytes, read nothing).",
            CustomParser = ParseMode,
        };
        var host = new Option<string>("--host") { Description = "Server address or host name.", HelpName = "HOST", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port")
        {
            Description = "Server port.",
            HelpName = "N",
            DefaultValueFactory = _ => 7000,
            CustomParser = r => (int)ParseLong(r, "--port", 1, 65535, 7000),
        };
        var connections = new Option<int>("--connections")
        {
            Description = "Connections held at once (churn: connecting at once).",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = r => (int)ParseLong(r, "--connections", 1, 1_000_000, 1),
        };
        var size = new Option<int>("--size")
        {
            Description = "Bytes per echo (stream: per write): 64, 4k, 4KiB, 1MiB; 1 B to 64 MiB.",
            HelpName = "S",
            DefaultValueFactory = _ => 64,
            CustomParser = ParseSize,
        };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "How long to measure after the warm-up (idle: how long to hold), e.g. 10s, 500ms; default 10s.",
            HelpName = "D",
            CustomParser = r => ParseDuration(r, "--duration", allowZero: false),
        };
        var count = new Option<long?>("--count")
        {
            Description = "Measured operations per connection, instead of --duration.",
            HelpName = "K",
            CustomParser = r => ParseLong(r, "--count", 1, long.MaxValue, 1),
        };
        var ramp = new Option<double>("--ramp")
        {
            Description = "Connections opened per second (flood: connects per second for the whole run); 0 opens them as fast as possible.",
            HelpName = "R",
            CustomParser = ParseRamp,
        };
        var warmup = new Option<TimeSpan>("--warmup")
        {
            Description = "Run this long before measuring (excluded from the results), e.g. 2s.",
            HelpName = "D",
            CustomParser = r => ParseDuration(r, "--warmup", allowZero: true) ?? TimeSpan.Zero,
        };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON to FILE.", HelpName = "FILE" };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the per-connection payloads.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
            CustomParser = r => (int)ParseLong(r, "--seed", int.MinValue, int.MaxValue, 1),
        };
        var serverPid = new Option<int?>("--server-pid")
        {
            Description = "idle: measure this server process's resident memory (children included) before and after connecting; slowloris, flood, "
                + "slowread: sample its RSS, threads and open descriptors during the run (Linux).",
            HelpName = "PID",
            CustomParser = r => (int)ParseLong(r, "--server-pid", 1, int.MaxValue, 1),
        };

        var pace = new Option<TimeSpan?>("--pace")
        {
            Description = "slowloris: time between two bytes of one connection, e.g. 1s, 200ms; default 1s.",
            HelpName = "D",
            CustomParser = r => ParseDuration(r, "--pace", allowZero: false),
        };
        var bytes = new Option<long?>("--bytes")
        {
            Description = "slowread: bytes each connection tries to write without reading, e.g. 1GiB, 100MiB; default 1GiB.",
            HelpName = "S",
            CustomParser = ParseBytes,
        };

        var command = new Command("bench", "Load an echo server and verify every echoed byte: round trips/s, MB/s, latency percentiles, errors.");
        command.Arguments.Add(mode);
        foreach (var option in new Option[] { host, port, connections, size, duration, count, ramp, warmup, json, seed, serverPid, pace, bytes })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(duration) is not null && result.GetResult(count) is not null)
            {
                result.AddError("--duration and --count: give one or the other.");
            }

            // Not GetValue: it throws when the mode itself failed to parse (that error is reported already).
            var chosen = result.GetResult(mode) is { Tokens.Count: > 0 } modeResult
                && Enum.TryParse<BenchMode>(modeResult.Tokens[0].Value, ignoreCase: true, out var parsed) ? parsed : (BenchMode?)null;
            if (chosen is BenchMode.Idle or BenchMode.Flood or BenchMode.SlowRead && result.GetResult(count) is not null)
            {
                result.AddError($"--count: {BenchModes.Name(chosen.Value)} runs for --duration; --count does not apply.");
            }

            if (chosen is BenchMode.Flood && result.GetResult(ramp) is null)
            {
                result.AddError("--ramp: flood needs a connect rate, e.g. --ramp 5000 (0 for as fast as possible).");
            }

            if (chosen is not null && !BenchModes.SamplesServer(chosen.Value) && result.GetResult(serverPid) is not null)
            {
                result.AddError("--server-pid: only idle, slowloris, flood and slowread measure the server.");
            }

            if (chosen is not null and not BenchMode.Slowloris && result.GetResult(pace) is not null)
            {
                result.AddError("--pace: only slowloris paces its bytes.");
            }

            if (chosen is not null and not BenchMode.SlowRead && result.GetResult(bytes) is not null)
            {
                result.AddError("--bytes: only slowread writes a fixed amount.");
            }
        });

        command.SetAction((result, cancellationToken) =>
        {
            var options = new BenchOptions(
                result.GetValue(mode),
                result.GetValue(host)!,
                result.GetValue(port),
                result.GetValue(connections),
                result.GetValue(size),
                result.GetValue(count) is null ? result.GetValue(duration) ?? BenchOptions.DefaultDuration : null,
                result.GetValue(count),
                result.GetValue(ramp),
                result.GetValue(warmup),
                result.GetValue(json),
                result.GetValue(seed),
                result.GetValue(serverPid))
            {
                Pace = result.GetValue(pace) ?? BenchOptions.DefaultPace,
                WriteBytes = result.GetValue(bytes) ?? BenchOptions.DefaultWriteBytes,
            };
            return run(options, cancellationToken);
        });
        return command;
    }

    private static BenchMode ParseMode(ArgumentResult result)
    {
        var text = Token(result);
        if (Enum.TryParse<BenchMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(text, out _))
        {
            return mode;
        }

        result.AddError($"mode: '{text}' is not one of {ModeNames}.");
        return default;
    }

    private static long ParseLong(ArgumentResult result, string flag, long min, long max, long fallback)
    {
        var text = Token(result);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{flag}: '{text}' is not a whole number between {min} and {max}."));
        return fallback;
    }

    private static int ParseSize(ArgumentResult result)
    {
        var text = Token(result);
        if (!BenchValueParsers.TryParseSize(text, out var bytes))
        {
            result.AddError($"--size: '{text}' is not a size (e.g. 64, 4k, 4KiB, 1MiB).");
            return 1;
        }

        if (bytes is < 1 or > BenchOptions.MaxSize)
        {
            result.AddError($"--size: '{text}' is outside 1 B to 64 MiB.");
            return 1;
        }

        return (int)bytes;
    }

    private static long? ParseBytes(ArgumentResult result)
    {
        var text = Token(result);
        if (!BenchValueParsers.TryParseSize(text, out var value) || value < 1)
        {
            result.AddError($"--bytes: '{text}' is not a positive size (e.g. 1GiB, 100MiB).");
            return null;
        }

        return value;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result, string flag, bool allowZero)
    {
        var text = Token(result);
        if (!BenchValueParsers.TryParseDuration(text, out var duration))
        {
            result.AddError($"{flag}: '{text}' is not a duration (e.g. 10s, 500ms, 2m).");
            return null;
        }

        if (!allowZero && duration <= TimeSpan.Zero)
        {
            result.AddError($"{flag}: '{text}' must be longer than zero.");
            return null;
        }

        return duration;
    }

    private static double ParseRamp(ArgumentResult result)
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ramp) && double.IsFinite(ramp) && ramp >= 0)
        {
            return ramp;
        }

        result.AddError($"--ramp: '{text}' is not a number of connections per second (0 or more).");
        return 0;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
}
