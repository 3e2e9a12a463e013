using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Appliance.Core.Audio;

namespace Appliance.Host.Cli;

/// <summary>
/// `bench lipsync --live`: the real service as a child process (`appliance run --replay … --replay-out`),
/// on free loopback ports with a throw-away state and config folder. Knows when the replay is over:
/// the script (0.5 s lead-in, every recording followed by ReplayMicrophone's 6 s gap) has run and the
/// speaker has been quiet for a while.
/// </summary>
internal sealed class LiveLipsyncService : IAsyncDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10); // FilePlayback logs a reply in bursts (at drains and position reads)
    private readonly Process _process;
    private readonly string _folder;
    private readonly TimeSpan _script;
    private readonly TaskCompletionSource<DateTime> _audioOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turns;

    private LiveLipsyncService(Process process, string folder, int kioskPort, TimeSpan script)
    {
        _process = process;
        _folder = folder;
        _script = script;
        KioskPage = new Uri($"http://127.0.0.1:{kioskPort}/kiosk");
    }

    public Uri KioskPage { get; }

    public string PlayedDirectory => Path.Combine(_folder, "played");

    public int Turns => Volatile.Read(ref _turns);

    public static LiveLipsyncService Start(IReadOnlyList<string> recordings, Action<string>? log)
    {
        var script = TimeSpan.FromSeconds(0.5 + recordings.Sum(r => WavFile.ReadMono(r, 16000).Length / 16000.0 + 6));
        var folder = Directory.CreateTempSubdirectory("lipsync-live-").FullName;
        var (admin, kiosk) = (FreePort(), FreePort());
        var info = SelfStartInfo();
        foreach (var a in new[]
        {
            "run", "--state-dir", Path.Combine(folder, "state"), "--config-dir", Path.Combine(folder, "config"),
            "--admin-port", admin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--kiosk-port", kiosk.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--replay-out", Path.Combine(folder, "played"), "--replay",
        }.Concat(recordings))
        {
            info.ArgumentList.Add(a);
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment.Remove("WATCHDOG_USEC");
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the service process");
        var service = new LiveLipsyncService(process, folder, kiosk, script);
        process.OutputDataReceived += (_, e) => service.OnOutput(e.Data, log);
        process.ErrorDataReceived += (_, e) => service.OnOutput(e.Data, log);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log?.Invoke($"service pid {process.Id}: kiosk {service.KioskPage}, replay script {script.TotalSeconds:F0} s, folder {folder}");
        return service;
    }

    private void OnOutput(string? line, Action<string>? log)
    {
        if (line is null)
        {
            return;
        }
        if (line.Contains("audio: replay of", StringComparison.Ordinal))
        {
            _audioOpen.TrySetResult(DateTime.UtcNow);
            log?.Invoke("service: replay started");
        }
        else if (line.Contains("LivePipeline[0] turn {", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _turns);
            log?.Invoke($"service: turn {n} finished");
        }
        else if (line.Contains(" fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal))
        {
            log?.Invoke($"service: {line}");
        }
    }

    /// <summary>Waits until the kiosk page answers (the service is up; models may still be loading).</summary>
    public async Task WaitForPageAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} before serving {KioskPage}");
            }
            try
            {
                using var response = await http.GetAsync(KioskPage, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // slow first answer on a loaded box
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{KioskPage} did not answer within 120 s");
            }
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the replay script has run and the speaker has then been quiet for 5 s.</summary>
    public async Task WaitForReplayAsync(CancellationToken ct)
    {
        var opened = await _audioOpen.Task.WaitAsync(TimeSpan.FromSeconds(180), ct).ConfigureAwait(false);
        var index = Path.Combine(PlayedDirectory, "played.jsonl");
        var cap = opened + _script + TimeSpan.FromSeconds(90);
        long length = -1;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < cap)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {_process.ExitCode} during the replay");
            }
            var now = File.Exists(index) ? new FileInfo(index).Length : 0;
            if (now != length)
            {
                length = now;
                quietSince = DateTime.UtcNow;
            }
            if (DateTime.UtcNow > opened + _script && DateTime.UtcNow - quietSince > Quiet)
            {
                return;
            }
            await Task.Delay(500, ct).ConfigureAwait(false);
        }
    }

    private static ProcessStartInfo SelfStartInfo()
    {
        // `dotnet appliance.dll …` from a checkout, or the published apphost.
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable runs this process");
        var info = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("no entry assembly"));
        }
        return info;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully and flushes the played-audio log.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left in /tmp
        }
    }
}
