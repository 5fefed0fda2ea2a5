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

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(commandLine.Options, stop.Token);
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync($"The emulator could not listen on 127.0.0.1:{commandLine.Options.Port}: {ex.Message} Pick another --port, or 0 for any free port.");
    return 1;
}

await using var running = server;
foreach (var line in server.Settings.Lines(commandLine.Format))
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
