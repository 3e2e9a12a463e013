using System.CommandLine;
using Appliance.Host.Cli.ServiceLoad;

namespace Appliance.Host.Cli;

/// <summary>
/// `bench service-load`: does admin API traffic slow the conversation down? The real service on real
/// recordings, quiet and then under wrk load from a separate process; prints voice_to_voice_ms, stage
/// moments and audio-frame lateness per phase (figures, never pass/fail: shared boxes are noisy).
/// </summary>
internal static class ServiceLoadCommands
{
    public static Command Create()
    {
        var turns = new Option<int>("--turns") { Description = "Turns per phase (quiet, then loaded); one recording each", DefaultValueFactory = _ => 4 };
        var connections = new Option<int>("--connections") { Description = "wrk keep-alive HTTPS connections in total (half on /api/status, half on /metrics)", DefaultValueFactory = _ => 16 };
        var nice = new Option<int>("--load-nice") { Description = "Run wrk under `nice -n N` (0 = same priority as the service; on a kiosk the clients are on other machines)", DefaultValueFactory = _ => 0 };
        var speech = new Option<string?>("--speech") { Description = "Folder of 16 kHz mono recordings (default ../shared/speech/en)" };
        var llm = new Option<string>("--llm") { Description = "Passed to `run --llm` (kb, or a GGUF path)", DefaultValueFactory = _ => "kb" };
        var gap = new Option<int>("--gap-ms") { Description = "Silence after each scripted question (run --replay-gap-ms): room for the reply before the next one", DefaultValueFactory = _ => 15000 };
        var baseline = new Option<bool>("--baseline") { Description = "Without the mitigations (run --api-rate 0 --audio-loop threadpool), to compare" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("service-load", "The real service quiet vs under admin-API load from a separate process (wrk): voice_to_voice_ms, stage moments, audio-frame lateness")
        {
            turns, connections, nice, speech, llm, gap, baseline, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = new ServiceLoadBench.Options(
                    Math.Max(1, parse.GetValue(turns)), Math.Max(2, parse.GetValue(connections)), Math.Clamp(parse.GetValue(nice), 0, 19),
                    SharedSpeech.FindDirectory(parse.GetValue(speech)), ["--llm", parse.GetValue(llm)!, "--replay-gap-ms", Math.Max(1000, parse.GetValue(gap)).ToString(System.Globalization.CultureInfo.InvariantCulture), .. (parse.GetValue(baseline) ? new[] { "--api-rate", "0", "--audio-loop", "threadpool" } : [])], line => Console.Error.WriteLine($"service-load: {line}"));
                var report = await ServiceLoadBench.RunAsync(options, ct);
                Console.WriteLine(CliJson.Serialize(report));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or HttpRequestException)
            {
                Console.Error.WriteLine($"bench service-load: {e.Message}");
                return 1;
            }
        });
        return new Command("bench", "Benchmarks that print numbers") { command };
    }
}
