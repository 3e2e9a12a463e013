using System.Runtime.InteropServices;

namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>
/// Holds AddRef on the handles a native call uses, so that a concurrent Dispose cannot free them while
/// the call runs (the release then happens when the last reference goes).
/// </summary>
internal struct SafeHandleRefs : IDisposable
{
    private List<SafeHandle>? held;

    public void Add(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        if (added)
        {
            (held ??= []).Add(handle);
        }
    }

    public readonly void Dispose()
    {
        if (held is null)
        {
            return;
        }
        foreach (var h in held)
        {
            h.DangerousRelease();
        }
    }
}
