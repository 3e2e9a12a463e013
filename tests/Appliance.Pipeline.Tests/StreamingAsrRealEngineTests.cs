using Appliance.Core.Audio;
using Appliance.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.Models.PocketSphinx;
using Appliance.Models.PocketSphinx.Scoring;
using Appliance.Models.Sherpa.Vad;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;
using Appliance.Pipeline.Tests.Support;
using Appliance.Safety;
using Appliance.TestSupport;
using Appliance.TestSupport.Fakes;
using Xunit.Abstractions;

namespace Appliance.Pipeline.Tests;

/// <summary>
/// Real recordings through silero VAD and pocketsphinx in the real engine (virtual clock, fake LLM/TTS):
/// decoded while spoken and decoded whole after the endpoint, each on a fresh decoder.
/// </summary>
public class StreamingAsrRealEngineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Streaming_gives_the_whole_utterance_transcripts_on_real_recordings()
    {
        // Every 7th recording by length, up to 5 s: short and long ones, ~20 s of speech per run.
        var clips = SharedData.Transcripts("en")
            .Select(t => (t.Path, t.Transcript, Audio: WavFile.ReadMono(t.Path)))
            .Where(t => t.Audio.Length <= 5 * 16000)
            .OrderBy(t => t.Audio.Length).ThenBy(t => t.Path, StringComparer.Ordinal)
            .Where((_, i) => i % 7 == 3)
            .ToList();

        var whole = await TranscribeAsync(clips.Select(c => c.Audio).ToList(), streaming: false);
        var streamed = await TranscribeAsync(clips.Select(c => c.Audio).ToList(), streaming: true);

        var wholeWer = new ErrorRate();
        var streamedWer = new ErrorRate();
        var same = 0;
        for (var i = 0; i < clips.Count; i++)
        {
            wholeWer.AddWords(clips[i].Transcript, whole.Texts[i]);
            streamedWer.AddWords(clips[i].Transcript, streamed.Texts[i]);
            same += whole.Texts[i] == streamed.Texts[i] ? 1 : 0;
            output.WriteLine($"{Path.GetFileName(clips[i].Path)}\n  ref:      {clips[i].Transcript}\n  whole:    {whole.Texts[i]}\n  streamed: {streamed.Texts[i]}");
        }
        output.WriteLine($"wer whole {wholeWer.Rate:F3}, streamed {streamedWer.Rate:F3}; {same}/{clips.Count} identical; {streamed.Partials} partial events");

        Assert.Equal(clips.Count, whole.Texts.Count);
        Assert.Equal(clips.Count, streamed.Texts.Count);
        Assert.Equal(clips.Count, whole.Recognizer.WholeDecodes);
        Assert.Equal(0, whole.Recognizer.Streams);
        // Every utterance came from its stream: none fell back (a stream that missed the onset would have).
        Assert.Equal(0, streamed.Recognizer.WholeDecodes);
        Assert.Equal(clips.Count, streamed.Recognizer.Streams);
        Assert.True(streamed.Partials > 0);
        // The stream also hears the pre-roll and the endpoint's silence, and live CMN adapts on them, so a
        // word may differ; the error rate must not get worse beyond that.
        Assert.InRange(streamedWer.Rate, 0, wholeWer.Rate + 0.05);
    }

    private static async Task<(List<string> Texts, CountingRecognizer Recognizer, int Partials)> TranscribeAsync(List<float[]> clips, bool streaming)
    {
        var clock = new ManualTimeProvider();
        var hub = new PipelineEventHub();
        var events = new List<PipelineEvent>();
        hub.Published += e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        };
        int Count(Func<PipelineEvent, bool> which)
        {
            lock (events)
            {
                return events.Count(which);
            }
        }

        var lists = SafetyLists.LoadDefault();
        using var recognizer = new CountingRecognizer(PocketSphinxRecognizer.Create());
        using var vad = new SherpaVoiceActivityDetector(new SileroVadOptions(MinSilenceSeconds: 0.4f));
        var synthesizer = new FakeSynthesizer();
        var dialog = new DialogManager(PersonaProfile.Default, KnowledgeBase.LoadDefault(), new FakeChatModel([.. Enumerable.Repeat("Okay.", clips.Count)]));
        var components = new PipelineComponents(vad, recognizer, dialog, new InputGuard(lists), new ComplianceFilter(lists), synthesizer,
            new ClockedPlayback(clock, synthesizer.SampleRate, realTime: false)); // replies drain at once: no wait for them in stream time
        var engine = new ConversationEngine(components, new PipelineOptions(StreamingAsr: streaming), hub, clock);

        IEnumerable<CaptureStep> Script()
        {
            yield return new SilenceStep(TimeSpan.FromSeconds(0.5));
            for (var i = 0; i < clips.Count; i++)
            {
                var n = i + 1;
                yield return new PlayStep($"clip{n}", clips[i]);
                yield return new SilenceStep(TimeSpan.FromSeconds(0.8));     // the endpoint needs 0.4 s of silence
                // Clock frozen while the decoder works (however slow this box is), so the next clip cannot supersede this turn.
                yield return new WaitStep(() => Count(e => e is UserTranscript or TurnFinished) >= n, TimeSpan.FromSeconds(120), EmitSilence: false);
                // Also frozen: the silence between clips is exactly the scripted one, whatever this box's speed,
                // so silero cuts the same segments in every run (and both runs hear the same audio).
                yield return new WaitStep(() => Count(e => e is TurnFinished) >= n, TimeSpan.FromSeconds(60), EmitSilence: false);
                yield return new SilenceStep(TimeSpan.FromSeconds(0.3));
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await engine.RunAsync(new ScriptedCapture(Script(), clock, new ManualPacer(clock)), timeout.Token);
        List<PipelineEvent> snapshot;
        lock (events)
        {
            snapshot = [.. events];
        }
        var texts = snapshot.OfType<TurnFinished>().Select(f => f.Summary.UserText).ToList();
        return (texts, recognizer, snapshot.OfType<UserPartialTranscript>().Count());
    }
}
