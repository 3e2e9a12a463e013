using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Host.Cli.ServiceLoad;

/// <summary>
/// HTTPS load on one admin endpoint from a separate process: Debian's `wrk` (C, keep-alive connections,
/// closed loop: each connection sends its next request as soon as the answer is in). Run until
/// <see cref="StopAsync"/> (SIGINT: wrk then prints its summary, which is parsed).
/// </summary>
internal sealed partial class WrkLoad : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private WrkLoad(Process process, string url)
    {
        _process = process;
        Url = url;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public string Url { get; }

    /// <param name="nice">0 = same priority as the service; &gt;0 runs wrk under `nice -n` (clients are remote on a real kiosk).</param>
    public static WrkLoad Start(string url, string bearerToken, int connections, int nice)
    {
        var wrk = FindWrk() ?? throw new InvalidOperationException("wrk is not installed (Debian package `wrk`; image/dev/setup installs it)");
        var info = new ProcessStartInfo(nice > 0 ? "nice" : wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (nice > 0)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add(nice.ToString(CultureInfo.InvariantCulture));
            info.ArgumentList.Add(wrk);
        }
        foreach (var a in new[] { "-t1", $"-c{connections}", "-d3600s", "--timeout", "10s", "-H", $"Authorization: Bearer {bearerToken}", url })
        {
            info.ArgumentList.Add(a);
        }
        return new WrkLoad(Process.Start(info) ?? throw new InvalidOperationException("cannot start wrk"), url);
    }

    public async Task<WrkResult> StopAsync()
    {
        if (!_process.HasExited)
        {
            // `nice` execs wrk, so the pid is wrk's own.
            using var kill = Process.Start("kill", $"-INT {_process.Id}");
            await kill!.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(timeout.Token);
        var output = await _stdout;
        var requests = Match(RequestsRegex(), output);
        var seconds = Match(SecondsRegex(), output);
        var non2xx = Match(Non2xxRegex(), output) ?? 0;
        var errors = SocketErrorsRegex().Match(output) is { Success: true } m
            ? m.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        if (requests is null)
        {
            throw new InvalidOperationException($"wrk printed no summary for {Url}:\n{output}\n{await _stderr}");
        }
        return new WrkResult(Url, (long)requests.Value, seconds ?? 0, (long)non2xx, errors);
    }

    private static double? Match(Regex regex, string text) =>
        regex.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static string? FindWrk() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(d => Path.Combine(d, "wrk")).FirstOrDefault(File.Exists);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsRegex();

    [GeneratedRegex(@"requests in ([\d.]+)s")]
    private static partial Regex SecondsRegex();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxRegex();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsRegex();
}
