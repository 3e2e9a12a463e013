using Appliance.Models.Sherpa.Native;

namespace Appliance.Models.Sherpa.Tests.Vad;

/// <summary>The raw CircularBuffer imports against sherpa's own ring (the one its VAD keeps audio in).</summary>
public sealed unsafe class CircularBufferTests
{
    [Fact]
    public void Push_get_pop_keep_absolute_indices()
    {
        SherpaOnnxLibrary.Initialize();
        using var buffer = new CircularBufferHandle(SherpaOnnx.SherpaOnnxCreateCircularBuffer(8));
        Assert.False(buffer.IsInvalid);
        var data = Enumerable.Range(0, 6).Select(i => (float)i).ToArray();
        fixed (float* p = data)
        {
            SherpaOnnx.SherpaOnnxCircularBufferPush(buffer, p, data.Length);
        }
        Assert.Equal(6, SherpaOnnx.SherpaOnnxCircularBufferSize(buffer));
        SherpaOnnx.SherpaOnnxCircularBufferPop(buffer, 2);
        Assert.Equal(2, SherpaOnnx.SherpaOnnxCircularBufferHead(buffer));
        var got = SherpaOnnx.SherpaOnnxCircularBufferGet(buffer, 3, 2);
        try
        {
            Assert.Equal([3f, 4f], new ReadOnlySpan<float>(got, 2).ToArray());
        }
        finally
        {
            SherpaOnnx.SherpaOnnxCircularBufferFree(got);
        }
        SherpaOnnx.SherpaOnnxCircularBufferReset(buffer);
        Assert.Equal(0, SherpaOnnx.SherpaOnnxCircularBufferSize(buffer));
    }
}
