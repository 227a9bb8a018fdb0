namespace ActorEcho.Compare.Report;

/// <summary>
/// What the report says about how it was produced: the command, when, where, the timings used, and the wall time of the whole
/// matrix (servers started, loaded and stopped; builds excluded).
/// </summary>
internal sealed record ReportContext(string Command, DateTimeOffset Date, MachineInfo Machine, CompareOptions Options, TimeSpan MatrixTime);
