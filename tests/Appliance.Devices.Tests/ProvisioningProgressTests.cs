using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Drivers.Leds.Patterns;
using Appliance.Pipeline;
using Appliance.Provisioning.Apply;
using Appliance.Provisioning.Progress;
using Appliance.Provisioning.Tests;
using Appliance.Service.Runtime;
using Appliance.Service.Systemd;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Devices.Tests;

/// <summary>A real apply of a signed stick, watched from the service's side through the status file.</summary>
public class ProvisioningProgressTests
{
    [Fact]
    public async Task The_service_side_sees_the_copy_progress_grow_and_the_final_state()
    {
        using var stick = new TestStick(modelBytes: 12 << 20);
        stick.Sign();
        var file = Path.Combine(stick.StateDir + "-run", "progress.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var monitor = new UpdateMonitor(file, NullLogger<UpdateMonitor>.Instance);
        var publisher = new StatusFilePublisher(file, dryRun: false);
        var seen = new List<ProvisioningStatus>();
        var lines = new List<string>();
        var snapshot = new PipelineSnapshot(PipelineState.Idle, true, true, null, null, 0, "kb", null);
        // The service polls the file four times a second; here it looks after every write, so no state is missed.
        var watched = new Progress(p =>
        {
            publisher.Report(p);
            monitor.Poll();
            if (monitor.Current is { } s && (seen.Count == 0 || seen[^1] != s))
            {
                seen.Add(s);
                lines.Add(StatusLine.Format(snapshot, new StatusOnly(monitor)));
            }
        });

        var result = await stick.Service().ApplyAsync(stick.StickDir, dryRun: false, watched);

        Assert.Equal(ProvisioningOutcome.Applied, result.Outcome);
        var copying = seen.Where(s => s.Phase == ProvisioningPhase.Copying).ToList();
        Assert.True(copying.Count >= 5, $"{copying.Count} copy steps seen");
        Assert.Contains(copying, s => s.CopyPercent is > 0 and < 100);
        Assert.Equal(copying.Select(s => s.CopyPercent).Order(), copying.Select(s => s.CopyPercent));
        Assert.Equal(seen.Select(s => s.Fraction).Order(), seen.Select(s => s.Fraction)); // never goes backwards
        Assert.Equal(ProvisioningPhase.Done, seen[^1].Phase);
        Assert.Equal("update complete", seen[^1].Label);
        Assert.Equal(Environment.ProcessId, seen[^1].Pid);

        Assert.Contains(lines, l => l.StartsWith("updating · copying models ", StringComparison.Ordinal) && l.Contains(" % · idle · llm kb", StringComparison.Ordinal));
        Assert.StartsWith("update complete · idle", lines[^1]);
        Assert.Equal(LedState.Provisioning, LedSceneSelector.Select(new LedInputs(ConversationState.Idle, Update: copying[copying.Count / 2])).State);
        Assert.InRange(publisher.Writes, 5, 120); // one write per whole percent at most
    }

    [Fact]
    public void A_stale_file_from_a_killed_apply_is_ignored_and_a_final_state_fades()
    {
        var now = DateTimeOffset.UtcNow;
        var running = new ProvisioningStatus(ProvisioningPhase.Copying, "models/llm/a.gguf", 1, 2, 424242, now.AddMinutes(-1));
        Assert.False(ProvisioningStatusFile.IsCurrent(running, now, UpdateMonitor.Linger, _ => false));
        Assert.True(ProvisioningStatusFile.IsCurrent(running, now, UpdateMonitor.Linger, _ => true));
        var done = running with { Phase = ProvisioningPhase.Done, Updated = now.AddSeconds(-5) };
        Assert.True(ProvisioningStatusFile.IsCurrent(done, now, UpdateMonitor.Linger, _ => false));
        Assert.False(ProvisioningStatusFile.IsCurrent(done, now.AddMinutes(1), UpdateMonitor.Linger, _ => false));
        Assert.Null(ProvisioningStatusFile.TryRead("/nonexistent/progress.json"));
    }

    [Fact]
    public void An_unwritable_status_file_never_fails_the_apply()
    {
        var warnings = new List<string>();
        var publisher = new StatusFilePublisher("/nonexistent-dir/progress.json", false, warnings.Add);
        publisher.Report(new ProvisioningProgress(ProvisioningPhase.Validating, "reading"));
        publisher.Report(new ProvisioningProgress(ProvisioningPhase.Copying, "models/x", 1, 2));
        Assert.Single(warnings);
        Assert.Equal(0, publisher.Writes);
    }

    private sealed class Progress(Action<ProvisioningProgress> report) : IProgress<ProvisioningProgress>
    {
        public void Report(ProvisioningProgress value) => report(value);
    }

    private sealed class StatusOnly(UpdateMonitor updates) : IServiceActivity
    {
        public string? Prefix => DeviceActivity.UpdatePrefix(updates.Current);

        public string? Suffix => null;
    }
}
