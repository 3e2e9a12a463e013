using Appliance.TestSupport;

namespace Appliance.Models.OnnxRuntime.Tests;

[Collection("ort")]
public sealed class SessionTests(OrtFixture fixture)
{
    private readonly OrtEnvironment env = fixture.Environment;

    [Fact]
    public void Tiny_model_round_trips_exact_values()
    {
        using var dir = new TempDir();
        using var session = InferenceSession.Open(env, TinyOnnx.Mul(dir.File("mul.onnx")));
        Assert.Equal(["x: Float[?]", "y: Float[?]"], session.Inputs.Select(i => i.ToString()));
        Assert.Equal("z", session.Outputs.Single().Name);

        var z = session.Run([new("x", new FloatTensor([1f, 2f, -3f], 3)), new("y", new FloatTensor([4f, 0.5f, 2f], 3))]).Single();

        Assert.Equal([3L], z.Shape);
        Assert.Equal([4f, 1f, -6f], z.Data);
    }

    [Fact]
    public void Options_are_applied_without_error()
    {
        using var dir = new TempDir();
        var path = TinyOnnx.Mul(dir.File("mul.onnx"));
        foreach (var level in Enum.GetValues<GraphOptimizationLevel>())
        {
            using var session = InferenceSession.Open(env, path, new SessionOptions(IntraOpThreads: 2, InterOpThreads: 1, level));
            Assert.Equal([6f], session.Run([new("x", new FloatTensor([2f], 1)), new("y", new FloatTensor([3f], 1))])[0].Data);
        }
    }

    [Fact]
    public void OpenWakeWord_models_report_their_real_inputs_and_outputs()
    {
        using var mel = InferenceSession.Open(env, OrtFixture.OpenWakeWordModel("melspectrogram.onnx"));
        using var embedding = InferenceSession.Open(env, OrtFixture.OpenWakeWordModel("embedding_model.onnx"));
        using var jarvis = InferenceSession.Open(env, OrtFixture.OpenWakeWordModel("hey_jarvis_v0.1.onnx"));

        Assert.Equal("input", mel.Inputs.Single().Name);
        Assert.Equal(TensorElementType.Float, mel.Inputs[0].ElementType);
        Assert.Equal(2, mel.Inputs[0].Shape.Count);
        Assert.Equal("input_1", embedding.Inputs.Single().Name);
        Assert.Equal([32L, 1L], embedding.Inputs[0].Shape.Skip(2));
        Assert.Equal([16L, 96L], jarvis.Inputs.Single().Shape.Skip(1));
    }

    [Fact]
    public void Melspectrogram_model_turns_one_80ms_chunk_into_mel_frames()
    {
        using var mel = InferenceSession.Open(env, OrtFixture.OpenWakeWordModel("melspectrogram.onnx"));
        var samples = new float[1760];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = 3000f * MathF.Sin(2 * MathF.PI * 440 * i / 16000f); // int16-scaled, as openWakeWord feeds it
        }

        var spec = mel.Run(new FloatTensor(samples, 1, samples.Length)).Single();

        Assert.Equal([1L, 1L, 8L, 32L], spec.Shape);
        Assert.All(spec.Data, v => Assert.True(float.IsFinite(v)));
        Assert.True(spec.Data.Max() - spec.Data.Min() > 1, "a tone must give a non-flat spectrum");
    }

    [Fact]
    public void Missing_model_file_is_a_clear_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => InferenceSession.Open(env, "/nonexistent/model.onnx"));
        Assert.Contains("/nonexistent/model.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_model_file_is_a_clear_error()
    {
        using var dir = new TempDir();
        var path = dir.File("garbage.onnx");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());

        var e = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.Open(env, path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("protobuf", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Empty_model_file_is_a_clear_error()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.onnx");
        File.WriteAllBytes(path, []);
        var e = Assert.ThrowsAny<Exception>(() => InferenceSession.Open(env, path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_tensor_shape_is_rejected_before_the_native_call()
    {
        using var jarvis = InferenceSession.Open(env, OrtFixture.OpenWakeWordModel("hey_jarvis_v0.1.onnx"));
        var e = Assert.Throws<ArgumentException>(() => jarvis.Run(new FloatTensor(new float[15 * 96], 1, 15, 96)));
        Assert.Contains("cannot take a tensor of shape [1, 15, 96]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => jarvis.Run([new("nope", new FloatTensor([1f], 1))]));
    }

    [Fact]
    public void Shapes_only_the_runtime_can_reject_become_exceptions_with_the_ort_message()
    {
        using var dir = new TempDir();
        using var session = InferenceSession.Open(env, TinyOnnx.Mul(dir.File("mul.onnx")));
        var e = Assert.Throws<OnnxRuntimeException>(() =>
            session.Run([new("x", new FloatTensor([1f, 2f, 3f], 3)), new("y", new FloatTensor([1f, 2f], 2))]));
        Assert.Contains("mul.onnx", e.Message, StringComparison.Ordinal);
        Assert.Contains("broadcast", e.Message, StringComparison.OrdinalIgnoreCase);
        // The session stays usable after a failed run.
        Assert.Equal([2f], session.Run([new("x", new FloatTensor([1f], 1)), new("y", new FloatTensor([2f], 1))])[0].Data);
    }

    [Fact]
    public void Tensor_data_must_match_its_shape()
    {
        Assert.Throws<ArgumentException>(() => new FloatTensor(new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => new FloatTensor(new float[0], -1));
    }

    [Fact]
    public void Cancelling_the_token_terminates_a_long_run()
    {
        using var dir = new TempDir();
        // 400 chained 384x384 MatMuls: tens of GFLOP, seconds at least; cancelled after 30 ms.
        using var session = InferenceSession.Open(env, TinyOnnx.MatMulChain(dir.File("chain.onnx"), 400, 384));
        var x = new FloatTensor(new float[384 * 384], 384, 384);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));

        Assert.Throws<OperationCanceledException>(() => session.Run(x, cts.Token));

        // Terminate applies to that run only: a new run with a fresh token works.
        using var small = InferenceSession.Open(env, TinyOnnx.MatMulChain(dir.File("one.onnx"), 1, 2));
        Assert.Equal([7f, 10f, 15f, 22f], small.Run(new FloatTensor([1f, 2f, 3f, 4f], 2, 2))[0].Data);
    }

    [Fact]
    public void Already_cancelled_token_does_not_start_a_run()
    {
        using var dir = new TempDir();
        using var session = InferenceSession.Open(env, TinyOnnx.Mul(dir.File("mul.onnx")));
        Assert.Throws<OperationCanceledException>(() =>
            session.Run([new("x", new FloatTensor([1f], 1)), new("y", new FloatTensor([1f], 1))], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Disposed_session_refuses_to_run()
    {
        using var dir = new TempDir();
        var session = InferenceSession.Open(env, TinyOnnx.Mul(dir.File("mul.onnx")));
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() =>
            session.Run([new("x", new FloatTensor([1f], 1)), new("y", new FloatTensor([1f], 1))]));
    }
}
