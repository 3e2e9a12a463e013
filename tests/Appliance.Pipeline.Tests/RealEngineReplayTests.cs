using System.Text.Json.Nodes;
using Appliance.Core.Audio;
using Appliance.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;
using Appliance.Models.EspeakNg;
using Appliance.Models.PocketSphinx;
using Appliance.Models.PocketSphinx.Scoring;
using TextNormalizer = Appliance.Models.PocketSphinx.Scoring.TextNormalizer;
using Appliance.Models.Sherpa.Vad;
using Appliance.Pipeline.Events;
using Appliance.Pipeline.Replay;
using Appliance.Pipeline.Tracing;
using Appliance.Safety;
using Appliance.TestSupport;

namespace Appliance.Pipeline.Tests;

/// <summary>
/// Real recordings spoken, in real time, to the real pipeline: silero VAD, pocketsphinx ASR, the
/// knowledge-base responder, espeak-ng TTS, and a clocked speaker. The second recording interrupts
/// the reply to the first (barge-in through the real VAD).
/// </summary>
public class RealEngineReplayTests
{
    [Fact]
    public async Task Recordings_replayed_through_the_real_engines_get_spoken_replies_and_barge_in_works()
    {
        // A one-word question ("well", 0.5 s), then a 2.1 s sentence pocketsphinx hears well that
        // interrupts the reply to it.
        var all = SharedData.Transcripts("en");
        var question = all.MinBy(t => WavFile.Read(t.Path).Duration);
        var interruption = all.Single(t => Path.GetFileName(t.Path) == "hifitts6097_roots_19_morris_0392.wav");
        var recordings = new[] { question, interruption }.Select(t => new PlayStep(Path.GetFileName(t.Path), WavFile.ReadMono(t.Path))).ToList();

        using var recognizer = PocketSphinxRecognizer.Create();
        using var synthesizer = EspeakSynthesizer.Create();
        var knowledge = KnowledgeBase.LoadDefault();
        var lists = SafetyLists.LoadDefault();
        SherpaVoiceActivityDetector? vad = null;
        PipelineComponents Build(Core.Audio.IAudioPlayback playback)
        {
            vad = new SherpaVoiceActivityDetector(new SileroVadOptions(MinSilenceSeconds: 0.4f));
            var dialog = new DialogManager(PersonaProfile.Default, knowledge, new KnowledgeResponder(knowledge, PersonaProfile.Default));
            return new PipelineComponents(vad, recognizer, dialog, new InputGuard(lists), new ComplianceFilter(lists), synthesizer, playback);
        }

        var clock = TimeProvider.System;
        var runner = new ReplayRunner(clock, new RealTimePacer(clock));
        var session = await runner.RunAsync(recordings, synthesizer.SampleRate, Build, new PipelineOptions(), new ReplayOptions(InterruptPairs: true), default);
        vad?.Dispose();

        var turns = session.Events.OfType<TurnFinished>().Select(t => t.Summary).ToList();
        Assert.Contains(turns, t => t.Outcome == TurnOutcome.Interrupted);
        var last = turns[^1];
        Assert.Equal(TurnOutcome.Completed, last.Outcome);
        Assert.NotEmpty(last.SpokenText);
        // pocketsphinx is far from perfect and, streamed in real time, what it hears varies with the
        // chunking and with where the VAD cuts ("in a great measure" once came back as "integrate
        // measures"): the recording's transcript (all its segments) must sound like the truth, at
        // most a third of its letters wrong.
        var heard = session.Report.Turns[1].Transcript;
        var letters = ErrorRate.Align(TextNormalizer.Characters(interruption.Transcript), TextNormalizer.Characters(heard));
        Assert.True(letters.Rate <= 0.34, $"heard \"{heard}\" for \"{interruption.Transcript}\" (CER {letters.Rate:P0})");

        Assert.NotEmpty(session.Events.OfType<BargeIn>());
        Assert.NotNull(session.Report.Turns[1].BargeInMs);
        Assert.NotNull(session.Report.Turns[1].VoiceToVoiceMs);
        Assert.True(last.StageMs.ContainsKey("first_audio_played"));
        Assert.NotEmpty(session.Events.OfType<PhonemeCue>());
        Assert.Contains(session.Events.OfType<Subtitle>(), s => s.Turn == last.Turn);

        var dir = Directory.CreateTempSubdirectory("replay");
        try
        {
            ReplayOutput.Write(session, dir.FullName, clock);
            var stereo = WavFile.Read(Path.Combine(dir.FullName, "session.wav"));
            Assert.Equal(2, stereo.Channels);
            Assert.Contains(stereo.Channel(1), s => Math.Abs(s) > 0.01f);   // the kiosk spoke
            Assert.True(File.Exists(Path.Combine(dir.FullName, "reply_02.wav")));
            var timeline = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "timeline.json")))!.AsArray();
            Assert.Contains(timeline, e => (string?)e!["type"] == "EmotionCue");
            Assert.NotNull(JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "report.json")))!["voice_to_voice_ms"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
