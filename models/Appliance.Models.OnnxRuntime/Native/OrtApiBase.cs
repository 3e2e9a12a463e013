namespace Appliance.Models.OnnxRuntime.Native;

/// <summary><c>struct OrtApiBase</c>: the only thing the library exports besides the table it hands out.</summary>
internal unsafe struct OrtApiBase
{
    /// <summary>const OrtApi* GetApi(uint32_t version); NULL when the build does not offer that API version.</summary>
    public delegate* unmanaged<uint, OrtApi*> GetApi;

    /// <summary>const char* GetVersionString(void), e.g. "1.27.0".</summary>
    public delegate* unmanaged<byte*> GetVersionString;
}
