using System.Runtime.InteropServices;
using TranscribePS.Emulator.Hosting;

EmulatorCommandLine commandLine;
try
{
    commandLine = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

await using var server = await EmulatorServer.StartAsync(commandLine.Options, stop.Token);
foreach (var line in server.Settings.ToEnvironmentLines())
{
    Console.Out.WriteLine(line);
}

await Console.Out.FlushAsync();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: the normal way to stop.
}

return 0;
