using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Avatar.Measurement;

/// <summary>
/// A headless Chromium driven over the DevTools protocol (a WebSocket, no Playwright): navigate, evaluate
/// JavaScript, capture screenshots. Used by the screenshot tests and `bench lipsync`. Runs with a fresh
/// profile in a temporary folder and every background feature that would phone home switched off.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/chromium";
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int? _nice;
    private Task _reader = Task.CompletedTask;
    private Task _priority = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, string profile, int? nice)
    {
        _process = process;
        _profile = profile;
        _nice = nice;
    }

    /// <summary>Starts Chromium with a blank page and attaches to it.</summary>
    /// <param name="nice">
    /// Nice value for the browser and every process it starts (re-applied after each navigation, which may
    /// start a renderer); null leaves priorities alone. `bench lipsync --nice -10` approximates the share the
    /// kiosk unit's CPUWeight=1000 gives the display on the appliance (but flattens Chromium's own per-thread
    /// priorities, which a cgroup weight does not).
    /// </param>
    public static async Task<HeadlessChromium> StartAsync(int width = 720, int height = 960, string binary = DefaultBinary, int? nice = null, CancellationToken ct = default)
    {
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"Chromium not found at {binary} (Debian package 'chromium')", binary);
        }
        var profile = Directory.CreateTempSubdirectory("avatar-chromium-").FullName;
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--autoplay-policy=no-user-gesture-required", "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            $"--window-size={width},{height}", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {binary}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var chromium = new HeadlessChromium(process, profile, nice);
        try
        {
            await chromium.AttachAsync(ct).ConfigureAwait(false);
            if (nice is not null)
            {
                // Chromium starts threads and renderers as it goes: keep applying the priority.
                chromium._priority = Task.Run(chromium.KeepPriorityAsync);
            }
            return chromium;
        }
        catch
        {
            await chromium.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task AttachAsync(CancellationToken ct)
    {
        // Chromium writes the port it picked into DevToolsActivePort in the profile.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited with code {_process.ExitCode} before opening the DevTools port");
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("chromium did not open its DevTools port within 60 s");
            }
            await Task.Delay(50, ct).ConfigureAwait(false);
        }
        var port = int.Parse((await File.ReadAllLinesAsync(portFile, ct).ConfigureAwait(false))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        JsonArray? targets = null;
        while (targets is null || !targets.Any(t => (string?)t?["type"] == "page"))
        {
            targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), ct).ConfigureAwait(false))!.AsArray();
            if (!targets.Any(t => (string?)t?["type"] == "page"))
            {
                await Task.Delay(50, ct).ConfigureAwait(false);
            }
        }
        var page = targets.First(t => (string?)t?["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), ct).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
        await SendAsync("Page.enable", null, ct).ConfigureAwait(false);
    }

    /// <summary>Sends one DevTools command and returns its result (throws on a protocol error).</summary>
    public async Task<JsonNode> SendAsync(string method, JsonObject? parameters, CancellationToken ct = default)
    {
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = tcs;
        }
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await using var _ = timeout.Token.Register(() => tcs.TrySetException(new TimeoutException($"DevTools {method} did not answer")));
        return await tcs.Task.ConfigureAwait(false);
    }

    /// <summary>Evaluates an expression in the page (awaiting promises) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken ct = default)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, ct).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"page script failed: {error.ToJsonString()}");
        }
        return result["result"]?["value"];
    }

    /// <summary>Navigates and waits until <paramref name="readyExpression"/> is true in the page.</summary>
    public async Task NavigateAsync(Uri url, string readyExpression = "document.readyState === 'complete'", CancellationToken ct = default)
    {
        // Mark the old document so its readiness is never mistaken for the new one's.
        await EvaluateAsync("window.__leaving = true", ct).ConfigureAwait(false);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((bool?)(await EvaluateAsync($"!window.__leaving && !!({readyExpression})", ct).ConfigureAwait(false)) == true)
                {
                    RaisePriority();
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // page replaced mid-evaluation: try again
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{url} did not become ready ({readyExpression})");
            }
            await Task.Delay(30, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the start-up nice value to the browser's whole process tree again (new renderers start at 0).</summary>
    public void RaisePriority(Action<string>? log = null)
    {
        if (_nice is { } nice && !_process.HasExited)
        {
            ProcessTreePriority.Apply(_process.Id, nice, log);
        }
    }

    private async Task KeepPriorityAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                RaisePriority();
                await Task.Delay(TimeSpan.FromSeconds(2), _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    /// <summary>PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken ct = default)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, ct).ConfigureAwait(false);
        return Convert.FromBase64String((string)result["data"]!);
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }
                var node = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length));
                message.SetLength(0);
                if (node?["id"] is { } idNode)
                {
                    TaskCompletionSource<JsonNode>? tcs;
                    lock (_gate)
                    {
                        _pending.Remove((int)idNode, out tcs);
                    }
                    if (node["error"] is { } error)
                    {
                        tcs?.TrySetException(new InvalidOperationException($"DevTools error: {error.ToJsonString()}"));
                    }
                    else
                    {
                        tcs?.TrySetResult(node["result"] ?? new JsonObject());
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or JsonException)
        {
            // browser closed
        }
        lock (_gate)
        {
            foreach (var tcs in _pending.Values)
            {
                tcs.TrySetException(new InvalidOperationException("chromium DevTools connection closed"));
            }
            _pending.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // already gone
        }
        await _reader.ConfigureAwait(false);
        await _priority.ConfigureAwait(false);
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium children may still hold files for a moment; the temp folder is cleaned by the OS.
        }
    }
}
