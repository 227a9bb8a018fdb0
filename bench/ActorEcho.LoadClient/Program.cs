using System.Globalization;
using ActorEcho.LoadClient;

// Minimal echo load client for the issue #4 measurements; issue #6 turns it into `actorecho bench`.
//   rr   HOST PORT CONNECTIONS SIZE SECONDS        request/response, verified byte for byte
//   idle HOST PORT CONNECTIONS SERVER-PID          RSS of SERVER-PID before/after opening (and echo-checking) CONNECTIONS
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: rr HOST PORT CONNECTIONS SIZE SECONDS | idle HOST PORT CONNECTIONS SERVER-PID");
    return 2;
}

var host = args[1];
var port = int.Parse(args[2], CultureInfo.InvariantCulture);
var connections = int.Parse(args[3], CultureInfo.InvariantCulture);
return args[0] switch
{
    "rr" => await RequestResponse.RunAsync(host, port, connections, int.Parse(args[4], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture))),
    "idle" => await IdleConnections.RunAsync(host, port, connections, int.Parse(args[4], CultureInfo.InvariantCulture)),
    _ => 2,
};
