using Appliance.Service.Logging;
using Appliance.Service.Runtime;
using Appliance.Service.Systemd;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Service.Tests;

/// <summary>sd_notify over real datagram sockets, watchdog decisions, READY gating, the journald format.</summary>
public sealed class SystemdTests
{
    [Fact]
    public void Notifier_sends_datagrams_to_a_socket_path()
    {
        using var dir = new TempDir();
        using var listener = new NotifyListener(Path.Combine(dir.Path, "notify.sock"));
        using var notifier = new SystemdNotifier(listener.Address);
        Assert.True(notifier.IsEnabled);
        notifier.Notify("READY=1\nSTATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 2 turns");
        Assert.Equal("READY=1\nSTATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 2 turns", listener.WaitFor(_ => true));
    }

    [Fact]
    public void Notifier_understands_abstract_socket_names()
    {
        using var listener = new NotifyListener($"@appliance-test-{Guid.NewGuid():N}");
        using var notifier = new SystemdNotifier(listener.Address);
        notifier.Notify("WATCHDOG=1");
        Assert.Equal("WATCHDOG=1", listener.WaitFor(_ => true));
    }

    [Fact]
    public void Notifier_is_a_no_op_without_systemd_and_survives_a_vanished_socket()
    {
        using var none = new SystemdNotifier(null);
        Assert.False(none.IsEnabled);
        none.Notify("READY=1");
        using var dir = new TempDir();
        using var gone = new SystemdNotifier(Path.Combine(dir.Path, "nobody-listens.sock"));
        gone.Notify("READY=1");
    }

    [Theory]
    [InlineData("10000000", null, 10.0)]
    [InlineData("500000", "self", 0.5)]
    [InlineData("500000", "1", null)]
    [InlineData("0", null, null)]
    [InlineData("abc", null, null)]
    [InlineData(null, null, null)]
    public void Watchdog_settings_follow_sd_watchdog_enabled(string? usec, string? pid, double? seconds)
    {
        var own = 4242;
        var parsed = WatchdogSettings.Parse(usec, pid == "self" ? own.ToString() : pid, own);
        Assert.Equal(seconds, parsed?.Timeout.TotalSeconds);
        if (parsed is not null)
        {
            Assert.Equal(parsed.Timeout / 2, parsed.PingInterval);
        }
    }

    [Fact]
    public void Watchdog_pings_only_while_the_pipeline_makes_progress_and_is_healthy()
    {
        var pipeline = new FakePipeline();
        var notifier = new RecordingNotifier();
        var watchdog = new PipelineWatchdog(notifier, pipeline, new ServiceOptions(), NullLogger<PipelineWatchdog>.Instance);

        pipeline.Beat();
        Assert.True(watchdog.CheckAndPing());
        pipeline.Beat();
        Assert.True(watchdog.CheckAndPing());

        pipeline.Wedged = true;
        pipeline.Beat();
        Assert.False(watchdog.CheckAndPing());
        Assert.False(watchdog.CheckAndPing());
        Assert.Equal(2, notifier.Messages.Count(m => m == "WATCHDOG=1"));
        Assert.Single(notifier.Messages, m => m.StartsWith("STATUS=pipeline wedged", StringComparison.Ordinal));

        pipeline.Wedged = false;
        pipeline.Beat();
        Assert.True(watchdog.CheckAndPing());

        pipeline.Healthy = false;
        pipeline.Beat();
        Assert.False(watchdog.CheckAndPing());
        Assert.Contains(notifier.Messages, m => m == "STATUS=pipeline wedged: fake failure");
        Assert.Equal(3, watchdog.Pings);
    }

    [Fact]
    public void Watchdog_pings_through_a_model_load_that_cannot_beat_but_not_after_it()
    {
        // systemd arms WatchdogSec at exec, not at READY=1: a slow model load must not get us killed.
        var pipeline = new FakePipeline { StartingUp = true, ModelsLoaded = false };
        var notifier = new RecordingNotifier();
        var watchdog = new PipelineWatchdog(notifier, pipeline, new ServiceOptions(), NullLogger<PipelineWatchdog>.Instance);
        Assert.True(watchdog.CheckAndPing());
        Assert.True(watchdog.CheckAndPing()); // no beat, still loading
        Assert.True(watchdog.CheckAndPing());

        pipeline.StartingUp = false; // models loaded: from now on only progress counts
        Assert.False(watchdog.CheckAndPing());
        pipeline.Healthy = false;
        pipeline.StartingUp = true;  // a failed start-up is not pinged either
        Assert.False(watchdog.CheckAndPing());
        Assert.Equal(3, watchdog.Pings);
    }

    [Fact]
    public void Ready_waits_for_models_audio_and_the_host_then_status_follows_changes()
    {
        var pipeline = new FakePipeline { ModelsLoaded = false, AudioOpen = false };
        var notifier = new RecordingNotifier();
        var lifetime = new FakeLifetime();
        var service = new SystemdLifetimeService(notifier, pipeline, lifetime, NullLogger<SystemdLifetimeService>.Instance);

        service.Tick();
        pipeline.ModelsLoaded = true;
        service.Tick();
        pipeline.AudioOpen = true;
        service.Tick();
        Assert.Empty(notifier.Messages);
        lifetime.Started.Cancel();
        service.Tick();
        Assert.Equal("READY=1\nSTATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 0 turns", Assert.Single(notifier.Messages));

        service.Tick();
        Assert.Single(notifier.Messages);
        pipeline.Turns.Enqueue(FakePipeline.SampleTurn(1, DateTimeOffset.UtcNow, 700));
        pipeline.Turns.Enqueue(FakePipeline.SampleTurn(2, DateTimeOffset.UtcNow, 700));
        service.Tick();
        Assert.Equal("STATUS=listening · llm qwen-1.5b q4_0 sapphirerapids · 2 turns", notifier.Messages.Last());
        Assert.DoesNotContain(notifier.Messages.Skip(1), m => m.Contains("READY=1", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_line_names_state_llm_turns_and_errors()
    {
        var snapshot = new PipelineSnapshot(PipelineState.Error, true, true, null, null, 1, "none", "microphone unplugged");
        Assert.Equal("error · llm none · 1 turn · error: microphone unplugged", StatusLine.Format(snapshot));
    }

    [Fact]
    public void Journald_format_has_priority_prefixes_and_one_line_per_entry()
    {
        var writer = new StringWriter();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FormatterProvider(writer)));
        var logger = factory.CreateLogger("Appliance.Test");
        logger.LogInformation("listening on {Port}", 8443);
        logger.LogWarning("xrun");
        logger.LogError(new InvalidOperationException("boom\nsecond line"), "stage failed");
        logger.LogCritical("wedged");
        logger.LogDebug("noise");
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("<6>Appliance.Test: listening on 8443", lines[0]);
        Assert.Equal("<4>Appliance.Test: xrun", lines[1]);
        Assert.StartsWith("<3>Appliance.Test: stage failed | System.InvalidOperationException: boom", lines[2]);
        Assert.Equal("<2>Appliance.Test: wedged", lines[3]);
        Assert.Equal("<7>Appliance.Test: noise", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    /// <summary>Runs the real formatter without the console's background queue.</summary>
    private sealed class FormatterProvider(TextWriter writer) : ILoggerProvider
    {
        private readonly JournaldConsoleFormatter _formatter = new();

        public ILogger CreateLogger(string categoryName) => new Logger(_formatter, writer, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(JournaldConsoleFormatter formatter, TextWriter writer, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format)
                => formatter.Write(new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, format), null, writer);
        }
    }
}
