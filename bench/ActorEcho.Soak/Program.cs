using ActorEcho.Compare.Report;
using ActorEcho.Compare.Running;
using ActorEcho.Soak;
using ActorEcho.Soak.Report;

// dotnet run -c Release --project bench/ActorEcho.Soak -- [--duration 10m] [--interval 10s] [--no-record]
// Soaks actorecho under churn + streaming + request/response + idle load and checks its RSS, descriptors, threads and GC heap
// stay flat; writes bench/results/soak.{csv,json}, docs/charts/soak.svg and the soak section of docs/reliability.md.
var options = SoakOptions.Parse(args, out var error);
if (error is not null)
{
    Console.Error.WriteLine($"soak: {error}");
    Console.Error.WriteLine(SoakOptions.Usage);
    return 2;
}

if (Repository.Find(Environment.CurrentDirectory, AppContext.BaseDirectory) is not { } repo)
{
    Console.Error.WriteLine("soak: cannot find ActorEcho.sln above the current directory; run from the repository");
    return 2;
}

if (!OperatingSystem.IsLinux())
{
    Console.Error.WriteLine("soak: samples /proc, so it runs on Linux only");
    return 2;
}

var log = Console.Out;
log.WriteLine("building src/ActorEcho (Release)");
var (code, output) = await ProcessRunner.RunAsync("dotnet", ["build", "src/ActorEcho", "-c", "Release", "-nologo", "-v", "q"], repo.Root, TimeSpan.FromMinutes(10));
if (code != 0)
{
    Console.Error.WriteLine($"soak: dotnet build src/ActorEcho failed:\n{output}");
    return 1;
}

var command = "dotnet run -c Release --project bench/ActorEcho.Soak -- " + string.Join(' ', args);
SoakResult result;
try
{
    result = await new SoakRunner(repo, options, log).RunAsync(command.TrimEnd());
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"soak: {ex.Message}");
    return 1;
}

Directory.CreateDirectory(repo.ResultsDir);
await File.WriteAllTextAsync(Path.Combine(repo.ResultsDir, "soak.csv"), SampleFiles.Csv(result.Samples));
await File.WriteAllTextAsync(Path.Combine(repo.ResultsDir, "soak.json"), SampleFiles.Json(result));
if (options.Record)
{
    Directory.CreateDirectory(repo.ChartsDir);
    await File.WriteAllTextAsync(Path.Combine(repo.ChartsDir, "soak.svg"), SoakChart.Render("actorecho soak: server resources over time", result.Samples, result.DurationSeconds));
    var docPath = Path.Combine(repo.Root, "docs/reliability.md");
    var doc = File.Exists(docPath) ? await File.ReadAllTextAsync(docPath) : "# Reliability\n";
    await File.WriteAllTextAsync(docPath, DocSection.Replace(doc, SoakReport.Markdown(result, "charts/soak.svg"), SoakReport.Begin, SoakReport.End));
}

foreach (var load in result.Loads)
{
    log.WriteLine($"load {load.Load}: exit {load.ExitCode}, {load.Operations:N0} operations, {load.Errors} errors{(load.Problem is null ? string.Empty : " - " + load.Problem)}");
}

foreach (var verdict in result.Verdicts)
{
    log.WriteLine($"{verdict.Metric}: {verdict.Middle:0.##} -> {verdict.Last:0.##} (allowed {verdict.Limit:0.##}, {verdict.Tolerance}): {(verdict.Flat ? "flat" : "NOT FLAT " + verdict.Problem)}");
}

log.WriteLine(result.Passed ? "soak: passed" : "soak: FAILED");
return result.Passed ? 0 : 1;
