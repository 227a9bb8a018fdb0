using System.Diagnostics;
using ActorEcho.Compare;
using ActorEcho.Compare.Model;
using ActorEcho.Compare.Report;
using ActorEcho.Compare.Running;

// dotnet run -c Release --project bench/ActorEcho.Compare -- [--quick] [--servers a,b] [--scenarios x,y] ...
// Builds actorecho, PlainEcho and the C baselines, runs the load matrix against each, and writes docs/performance.md's
// generated section, docs/charts/*.svg and bench/results/.
var options = CompareOptions.Parse(args, out var error);
if (error is not null)
{
    Console.Error.WriteLine($"compare: {error}");
    Console.Error.WriteLine(CompareOptions.Usage);
    return 2;
}

if (Repository.Find(Environment.CurrentDirectory, AppContext.BaseDirectory) is not { } repo)
{
    Console.Error.WriteLine("compare: cannot find ActorEcho.sln above the current directory; run from the repository");
    return 2;
}

var log = Console.Out;
var servers = ServerKind.Known.Select(s => s.Name).Where(options.Servers.Contains).ToArray();
var scenarios = Matrix.Select(options);
try
{
    if (options.Build)
    {
        await Builder.BuildDotNetAsync(repo, log);
    }

    var baselines = await Builder.BuildBaselinesAsync(repo, log);
    var date = DateTimeOffset.UtcNow;
    var runDir = Directory.CreateDirectory(Path.Combine(repo.ResultsDir, date.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))).FullName;
    log.WriteLine($"matrix: {scenarios.Count} scenarios x {servers.Length} servers x {options.Runs} runs; results in {repo.Relative(runDir)}");
    var clock = Stopwatch.StartNew();
    var records = await new MatrixRunner(repo, options, baselines, runDir, log).RunAsync(scenarios, servers);
    var matrixTime = clock.Elapsed;
    Directory.Delete(baselines, recursive: true);

    var reports = ScenarioReport.Build(scenarios, servers, records);
    var bar = Bar.Evaluate(reports);
    var command = "dotnet run -c Release --project bench/ActorEcho.Compare" + (args.Length > 0 ? " -- " + string.Join(' ', args) : string.Empty);
    var context = new ReportContext(command, date, MachineInfo.Detect(), options, matrixTime);
    var summaryJson = Summary.From(context, reports, bar).ToJson();
    await File.WriteAllTextAsync(Path.Combine(runDir, "summary.json"), summaryJson);

    var chartDirs = options.WriteDocs ? [runDir, repo.ChartsDir] : new[] { runDir };
    foreach (var report in reports)
    {
        foreach (var dir in chartDirs)
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, Charts.FileName(report.Scenario)), Charts.Render(report));
        }
    }

    var markdown = MarkdownReport.Render(context, reports, bar, s => "charts/" + Charts.FileName(s));
    log.WriteLine();
    log.WriteLine(markdown);
    log.WriteLine($"whole matrix: {matrixTime.TotalSeconds:0} s");
    if (options.WriteDocs)
    {
        var doc = File.Exists(repo.PerformanceDoc) ? await File.ReadAllTextAsync(repo.PerformanceDoc) : "# Performance record\n";
        await File.WriteAllTextAsync(repo.PerformanceDoc, DocSection.Replace(doc, markdown));
        await File.WriteAllTextAsync(Path.Combine(repo.ResultsDir, "latest.json"), summaryJson);
        log.WriteLine($"updated {repo.Relative(repo.PerformanceDoc)}, {repo.Relative(repo.ChartsDir)}/ and bench/results/latest.json");
    }
    else
    {
        log.WriteLine($"docs not updated ({(options.Quick ? "--quick" : "--no-docs")}); charts and JSON are in {repo.Relative(runDir)}");
    }

    return records.Any(r => r.Failure is not null || r.Result?.Errors > 0) ? 1 : 0;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"compare: {e.Message}");
    return 1;
}
