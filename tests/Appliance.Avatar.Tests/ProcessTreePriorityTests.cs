using System.Diagnostics;
using Appliance.Avatar.Measurement;

namespace Appliance.Avatar.Tests;

public class ProcessTreePriorityTests
{
    [Fact]
    public void FindsGrandchildrenAndEveryThread()
    {
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 30 & wait"]) { UseShellExecute = false })!;
        try
        {
            IReadOnlyList<int> children = [];
            for (var i = 0; i < 100 && children.Count == 0; i++)
            {
                Thread.Sleep(20);
                children = ProcessTreePriority.Descendants(shell.Id);
            }
            var sleep = Assert.Single(children);
            Assert.Contains("sleep", File.ReadAllText($"/proc/{sleep}/comm"), StringComparison.Ordinal);
            Assert.Contains(ProcessTreePriority.Descendants(Environment.ProcessId), p => p == shell.Id);

            var threads = ProcessTreePriority.Threads(Environment.ProcessId);
            Assert.Contains(Environment.ProcessId, threads);
            Assert.True(threads.Count() > 1, "a .NET process has more than one thread");

            // Lowering priority needs no privilege: the whole tree gets it.
            Assert.Equal(2, ProcessTreePriority.Apply(shell.Id, 5));
            Assert.Equal("5", File.ReadAllText($"/proc/{sleep}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16]);
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }
}
