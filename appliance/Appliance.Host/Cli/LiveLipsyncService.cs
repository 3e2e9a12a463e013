using Appliance.Core.Audio;
using Appliance.Service.Hosting;

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
    private readonly string _folder;
    private readonly TimeSpan _script;
    private readonly TaskCompletionSource<DateTime> _audioOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<string>? _log;
    private ApplianceRunProcess? _process;
    private int _turns;

    private LiveLipsyncService(string folder, TimeSpan script, Action<string>? log)
    {
        _folder = folder;
        _script = script;
        _log = log;
    }

    public Uri KioskPage => new(Process.KioskUri, "/kiosk");

    private ApplianceRunProcess Process => _process ?? throw new InvalidOperationException("not started");

    public string PlayedDirectory => Path.Combine(_folder, "played");

    public int Turns => Volatile.Read(ref _turns);

    public static LiveLipsyncService Start(IReadOnlyList<string> recordings, Action<string>? log)
    {
        var script = TimeSpan.FromSeconds(0.5 + recordings.Sum(r => WavFile.ReadMono(r, 16000).Length / 16000.0 + 6));
        var folder = Directory.CreateTempSubdirectory("lipsync-live-").FullName;
        var service = new LiveLipsyncService(folder, script, log);
        service._process = ApplianceRunProcess.Start(
            ApplianceRunProcess.SelfStartInfo(), Path.Combine(folder, "state"), Path.Combine(folder, "config"),
            new[] { "--replay-out", Path.Combine(folder, "played"), "--replay" }.Concat(recordings),
            onLine: service.OnOutput);
        log?.Invoke($"service pid {service.Process.Pid}: kiosk {service.KioskPage}, replay script {script.TotalSeconds:F0} s, folder {folder}");
        return service;
    }

    private void OnOutput(string line)
    {
        var log = _log;
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
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {Process.ExitCode} before serving {KioskPage}");
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
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with code {Process.ExitCode} during the replay");
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

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            // SIGTERM: the host stops gracefully and flushes the played-audio log.
            await _process.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            await _process.DisposeAsync().ConfigureAwait(false);
        }
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
