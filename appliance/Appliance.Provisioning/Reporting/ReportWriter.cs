using System.Globalization;
using System.Text;
using System.Text.Json;
using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Reporting;

/// <summary>Writes the outcome back onto the stick as JSON (for tools) and text (for the technician).</summary>
public static class ReportWriter
{
    /// <summary>Returns the text report's path, or null when the stick could not be written (read-only, pulled).</summary>
    public static string? TryWrite(Stick stick, ProvisioningResult result)
    {
        try
        {
            var folder = Path.Combine(stick.Root, Stick.ReportFolder);
            Directory.CreateDirectory(folder);
            var stem = $"{result.DeviceName ?? "device"}-{result.Started.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            var json = Path.Combine(folder, stem + ".json");
            var text = Path.Combine(folder, stem + ".txt");
            File.WriteAllText(json, JsonSerializer.Serialize(new
            {
                outcome = result.Outcome.ToString().ToLowerInvariant(),
                device_name = result.DeviceName,
                device = result.Device,
                version = result.Version,
                previous_version = result.PreviousVersion,
                signer = result.Signer,
                started = result.Started,
                duration_s = Math.Round(result.Duration.TotalSeconds, 3),
                problems = result.Problems,
                notes = result.Notes,
                files = result.Files,
            }, ProvisioningService.JsonOptions));
            File.WriteAllText(text, Text(result), new UTF8Encoding(false));
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Notes.Add($"the report could not be written to the stick: {e.Message}");
            return null;
        }
    }

    public static string Text(ProvisioningResult r)
    {
        var sb = new StringBuilder();
        var headline = r.Outcome switch
        {
            ProvisioningOutcome.Applied => $"APPLIED: the appliance now runs configuration {r.Version}.",
            ProvisioningOutcome.Validated => "CHECKED (dry run): this stick would apply cleanly; nothing was changed.",
            ProvisioningOutcome.RolledBack => $"ROLLED BACK: {r.Version} did not start; the previous configuration is active again.",
            _ => "REFUSED: nothing was changed on the appliance.",
        };
        sb.AppendLine(headline);
        sb.AppendLine(CultureInfo.InvariantCulture, $"device:       {r.DeviceName ?? "?"} (id {r.Device?.DeviceId ?? "?"})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"when:         {r.Started:u}, took {r.Duration.TotalSeconds:F1} s");
        if (r.Signer is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"signed by:    {r.Signer}");
        }
        if (r.Device?.CertificateFingerprint is { } fp)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"admin API certificate sha256: {fp}");
        }
        if (r.Device?.Capabilities is { } caps)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"capabilities: {caps}");
        }
        if (r.Device?.Benchmark is { } bench)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"benchmark:    {bench}");
        }
        if (r.Problems.Count > 0)
        {
            sb.AppendLine().AppendLine("Problems:");
            foreach (var p in r.Problems)
            {
                sb.AppendLine("  - " + p);
            }
        }
        if (r.Files.Count > 0)
        {
            sb.AppendLine().AppendLine("Files:");
            foreach (var f in r.Files)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {f.Destination}  {f.Size} bytes  {f.How}");
            }
        }
        if (r.Notes.Count > 0)
        {
            sb.AppendLine().AppendLine("Notes:");
            foreach (var n in r.Notes)
            {
                sb.AppendLine("  - " + n);
            }
        }
        return sb.ToString();
    }
}
