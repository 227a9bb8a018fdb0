using System.Globalization;
using ActorEcho.Compare.Model;
using ActorEcho.Compare.Running;

namespace ActorEcho.Compare.Tests;

/// <summary>Builds load results through the same JSON parser the tool uses, from the fixtures or from a few figures.</summary>
internal static class Results
{
    public static LoadResult Fixture(string name) =>
        LoadClient.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));

    public static LoadResult Rr(double opsPerSecond, double p99Us = 1000, long errors = 0, double p50Us = 100) =>
        LoadClient.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
            {"mode":"rr","connections":1000,"size":64,"elapsedSeconds":2,"operations":{{(long)(opsPerSecond * 2)}},
             "operationsPerSecond":{{opsPerSecond}},"bytesPerSecond":{{opsPerSecond * 128}},
             "latencyUs":{"p50":{{p50Us}},"p90":{{p99Us / 2}},"p99":{{p99Us}},"p999":{{p99Us * 2}},"max":{{p99Us * 3}}},
             "errors":{{errors}},"clientCpuSeconds":1,"serverRssDeltaBytes":null,"serverRssBytesPerConnection":null}
            """));

    public static LoadResult Stream(double bytesPerSecond) =>
        LoadClient.Parse(string.Create(CultureInfo.InvariantCulture, $$"""{"mode":"stream","operations":100,"operationsPerSecond":50,"bytesPerSecond":{{bytesPerSecond}},"clientCpuSeconds":0.5}"""));

    public static LoadResult Idle(double bytesPerConnection) =>
        LoadClient.Parse(string.Create(CultureInfo.InvariantCulture, $$"""{"mode":"idle","connections":10000,"serverRssDeltaBytes":{{bytesPerConnection * 10000}},"serverRssBytesPerConnection":{{bytesPerConnection}}}"""));

    public static RunRecord Ok(string server, string scenario, LoadResult result, int run = 1) => new(server, scenario, run, result, null);

    public static RunRecord Failed(string server, string scenario, string why, int run = 1) => new(server, scenario, run, null, why);
}
