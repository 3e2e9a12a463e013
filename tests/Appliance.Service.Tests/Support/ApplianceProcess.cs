using System.Diagnostics;
using Appliance.Service.Hosting;

namespace Appliance.Service.Tests.Support;

/// <summary>
/// The real `appliance` executable built from Appliance.Host, started as `appliance run` with its
/// sd_notify messages going to <paramref name="listener"/> (see <see cref="ApplianceRunProcess"/>).
/// </summary>
public static class ApplianceProcess
{
    /// <param name="arguments">After `run --state-dir … --config-dir … --admin-port … --kiosk-port …`.</param>
    public static ApplianceRunProcess Start(
        string stateDir, string configDir, NotifyListener listener, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = listener.Address };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
        return ApplianceRunProcess.Start(new ProcessStartInfo(Repo.ApplianceExecutable), stateDir, configDir, arguments, variables);
    }

    /// <summary>
    /// Waits for READY=1: a cold start on a loaded 2-core box (certificate, models, sound card) gets
    /// two minutes; a timeout shows what the service printed.
    /// </summary>
    public static string WaitForReady(NotifyListener listener, ApplianceRunProcess app)
    {
        try
        {
            return listener.WaitFor(m => m.StartsWith("READY=1", StringComparison.Ordinal), 120_000);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nthe service (exited: {app.HasExited}) printed:\n{app.Output()}", e);
        }
    }
}
