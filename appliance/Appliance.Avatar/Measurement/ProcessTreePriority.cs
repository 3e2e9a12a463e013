using System.Diagnostics;
using System.Globalization;

namespace Appliance.Avatar.Measurement;

/// <summary>
/// Gives a process, all its descendants and all their threads a nice value, as the kiosk unit's CPUWeight
/// does for the whole display cgroup on the appliance. Starting Chromium under `nice` is not enough: its
/// zygote starts the renderers at nice 0, and on Linux a nice value belongs to one thread (setpriority on a
/// pid changes only that thread), so the renderer's compositor and raster threads must be named one by one.
/// Uses renice(1) (util-linux); a failure (not permitted) is reported, never fatal.
/// </summary>
public static class ProcessTreePriority
{
    /// <returns>How many processes were changed, or null if renice failed.</returns>
    public static int? Apply(int rootPid, int nice, Action<string>? log = null)
    {
        var pids = Descendants(rootPid).Prepend(rootPid).Distinct().SelectMany(Threads).Distinct().ToList();
        var start = new ProcessStartInfo("renice") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-n", nice.ToString(CultureInfo.InvariantCulture), "-p" }.Concat(pids.Select(p => p.ToString(CultureInfo.InvariantCulture))))
        {
            start.ArgumentList.Add(a);
        }
        try
        {
            using var renice = Process.Start(start)!;
            var error = renice.StandardError.ReadToEnd();
            renice.StandardOutput.ReadToEnd();
            renice.WaitForExit();
            if (renice.ExitCode != 0)
            {
                log?.Invoke($"renice -n {nice}: {error.Trim()}");
                return null;
            }
            return pids.Count;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log?.Invoke($"renice not available: {e.Message}");
            return null;
        }
    }

    /// <summary>The thread ids of a process (just the pid if it has gone).</summary>
    public static IEnumerable<int> Threads(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .Select(d => int.TryParse(Path.GetFileName(d), out var tid) ? tid : -1)
                .Where(t => t > 0)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [pid];
        }
    }

    /// <summary>Every live descendant of <paramref name="rootPid"/>, from /proc/*/stat parent links.</summary>
    public static IReadOnlyList<int> Descendants(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // "pid (comm) state ppid …": comm may hold spaces or parentheses, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // exited while we looked
            }
        }
        var result = new List<int>();
        var frontier = new Queue<int>([rootPid]);
        while (frontier.TryDequeue(out var p))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == p)
                {
                    result.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }
        return result;
    }
}
