namespace Appliance.Drivers.Dsp;

/// <summary>What one block of the front end produced besides audio.</summary>
public readonly record struct FrontEndBlock(DoaEstimate? Doa, bool DoaUpdated);

/// <summary>
/// The capture-side DSP chain, one block at a time on the capture thread:
/// mics → (DOA by SRP/GCC-PHAT, every few blocks) → delay-and-sum beam steered at the DOA (or the
/// array's own processed channel) → MDF echo cancellation against the aligned reference →
/// preprocessor (residual echo, denoise, AGC). AEC runs after the beamformer so it costs one
/// channel, not M; the beam only moves while the far end is silent, so the echo path the AEC has
/// learned does not jump while it is needed.
/// </summary>
public sealed class AudioFrontEnd : IDisposable
{
    private readonly FrontEndOptions options;
    private readonly DelayAndSumBeamformer? beamformer;
    private readonly DoaEstimator? doa;
    private readonly EchoCanceller? echo;
    private readonly Preprocessor? preprocessor;
    private readonly float[] doaWindow;
    private readonly float[] mono;
    private readonly float[] cancelled;
    private long blocks;
    private long lastFarEndBlock = long.MinValue / 2;

    /// <summary>Blocks (~0.5 s) the far end counts as active after its last sound: the room's echo tail and speech pauses.</summary>
    private const int FarEndHangoverBlocks = 32;

    public AudioFrontEnd(FrontEndOptions options)
    {
        if (options.SampleRate != 16000)
        {
            throw new ArgumentException($"the front end runs at 16000 Hz; got {options.SampleRate} Hz (resample the capture first)");
        }
        if (options.Channels is < 1 or > 16)
        {
            throw new ArgumentException($"unsupported capture channel count {options.Channels} (1..16)");
        }
        this.options = options;
        options.Geometry?.Validate(options.Channels);
        if (options.Geometry is { ProcessedChannel: null } g)
        {
            beamformer = new DelayAndSumBeamformer(g, options.SampleRate, options.FrameSize);
        }
        if (options.Geometry is { } geometry)
        {
            doa = new DoaEstimator(geometry, options.SampleRate, windowSize: Math.Max(512, options.FrameSize * 4));
        }
        doaWindow = new float[(doa?.WindowSize ?? 0) * options.Channels];
        if (options.EchoCancellation)
        {
            echo = new EchoCanceller(options.FrameSize, options.EchoTailMs * options.SampleRate / 1000, options.SampleRate);
        }
        if (options.Preprocess is { } p)
        {
            preprocessor = new Preprocessor(options.FrameSize, options.SampleRate, p, echo);
        }
        mono = new float[options.FrameSize];
        cancelled = new float[options.FrameSize];
    }

    public DoaEstimate? LastDoa { get; private set; }

    public int FrameSize => options.FrameSize;

    /// <summary>Stage timings of the last block (Stopwatch ticks), for the bench command.</summary>
    public (long Doa, long Beam, long Aec, long Preprocess) LastTicks { get; private set; }

    /// <summary>
    /// Processes one block: <paramref name="interleaved"/> holds FrameSize frames of Channels channels;
    /// <paramref name="reference"/> is the aligned far end (FrameSize samples, zeros when silent).
    /// </summary>
    public FrontEndBlock Process(ReadOnlySpan<float> interleaved, ReadOnlySpan<float> reference, Span<float> output)
    {
        var n = options.FrameSize;
        if (interleaved.Length != n * options.Channels || reference.Length != n || output.Length != n)
        {
            throw new ArgumentException($"front-end blocks are {n} frames of {options.Channels} channels plus {n} reference samples");
        }
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        var updated = false;
        if (doa is not null)
        {
            // Slide the analysis window by one block.
            doaWindow.AsSpan(interleaved.Length).CopyTo(doaWindow);
            interleaved.CopyTo(doaWindow.AsSpan(doaWindow.Length - interleaved.Length));
            blocks++;
            if (IsActive(reference))
            {
                lastFarEndBlock = blocks;
            }
            var farEndQuiet = blocks - lastFarEndBlock > FarEndHangoverBlocks;
            if (blocks % options.DoaEveryBlocks == 0 && blocks * n >= doa.WindowSize && farEndQuiet)
            {
                var estimate = doa.Estimate(doaWindow, options.Channels);
                if (estimate.Confidence > 0.1)
                {
                    LastDoa = estimate;
                    updated = true;
                    beamformer?.Steer(estimate.AngleDegrees);
                }
            }
        }
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (beamformer is not null)
        {
            beamformer.Process(interleaved, options.Channels, mono);
        }
        else
        {
            var ch = options.Geometry?.ProcessedChannel ?? 0;
            for (var t = 0; t < n; t++)
            {
                mono[t] = interleaved[t * options.Channels + ch];
            }
        }
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (echo is not null)
        {
            echo.Process(mono, reference, cancelled);
        }
        else
        {
            mono.CopyTo(cancelled, 0);
        }
        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        cancelled.CopyTo(output);
        preprocessor?.Process(output);
        var t4 = System.Diagnostics.Stopwatch.GetTimestamp();
        LastTicks = (t1 - t0, t2 - t1, t3 - t2, t4 - t3);
        return new FrontEndBlock(LastDoa, updated);
    }

    /// <summary>The block after linear AEC, before the preprocessor (for measuring each stage).</summary>
    public ReadOnlySpan<float> LastAecOutput => cancelled;

    private static bool IsActive(ReadOnlySpan<float> reference)
    {
        var energy = 0f;
        foreach (var v in reference)
        {
            energy += v * v;
        }
        return energy / reference.Length > 1e-6f;
    }

    public void Dispose()
    {
        preprocessor?.Dispose();
        echo?.Dispose();
    }
}
