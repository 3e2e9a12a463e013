namespace Appliance.Models.OnnxRuntime.Native;

/// <summary>
/// The prefix of <c>struct OrtApi</c> (onnxruntime_c_api.h) up to the last member this binding calls.
/// OrtApi is append-only across releases, so a prefix taken from ORT_API_VERSION 27 stays valid; the
/// slot of every member was read from the table of the shipped libonnxruntime.so 1.27.0 and matched to
/// its OrtApis:: symbol (OrtApiLayoutTests checks each used slot against the library's symbol table).
/// Members the binding does not call are kept as untyped pointers so that the offsets stay right.
/// </summary>
internal unsafe struct OrtApi
{
    public void* CreateStatus; // slot 0
    public delegate* unmanaged<OrtStatus*, OrtErrorCode> GetErrorCode; // slot 1
    public delegate* unmanaged<OrtStatus*, byte*> GetErrorMessage; // slot 2
    public delegate* unmanaged<OrtLoggingLevel, byte*, OrtEnv**, OrtStatus*> CreateEnv; // slot 3
    public void* CreateEnvWithCustomLogger; // slot 4
    public void* EnableTelemetryEvents; // slot 5
    public void* DisableTelemetryEvents; // slot 6
    public delegate* unmanaged<OrtEnv*, byte*, OrtSessionOptions*, OrtSession**, OrtStatus*> CreateSession; // slot 7
    public void* CreateSessionFromArray; // slot 8
    public delegate* unmanaged<OrtSession*, OrtRunOptions*, byte**, OrtValue**, nuint, byte**, nuint, OrtValue**, OrtStatus*> Run; // slot 9
    public delegate* unmanaged<OrtSessionOptions**, OrtStatus*> CreateSessionOptions; // slot 10
    public void* SetOptimizedModelFilePath; // slot 11
    public void* CloneSessionOptions; // slot 12
    public void* SetSessionExecutionMode; // slot 13
    public void* EnableProfiling; // slot 14
    public void* DisableProfiling; // slot 15
    public void* EnableMemPattern; // slot 16
    public void* DisableMemPattern; // slot 17
    public void* EnableCpuMemArena; // slot 18
    public void* DisableCpuMemArena; // slot 19
    public void* SetSessionLogId; // slot 20
    public void* SetSessionLogVerbosityLevel; // slot 21
    public void* SetSessionLogSeverityLevel; // slot 22
    public delegate* unmanaged<OrtSessionOptions*, GraphOptimizationLevel, OrtStatus*> SetSessionGraphOptimizationLevel; // slot 23
    public delegate* unmanaged<OrtSessionOptions*, int, OrtStatus*> SetIntraOpNumThreads; // slot 24
    public delegate* unmanaged<OrtSessionOptions*, int, OrtStatus*> SetInterOpNumThreads; // slot 25
    public void* CreateCustomOpDomain; // slot 26
    public void* CustomOpDomain_Add; // slot 27
    public void* AddCustomOpDomain; // slot 28
    public void* RegisterCustomOpsLibrary; // slot 29
    public delegate* unmanaged<OrtSession*, nuint*, OrtStatus*> SessionGetInputCount; // slot 30
    public delegate* unmanaged<OrtSession*, nuint*, OrtStatus*> SessionGetOutputCount; // slot 31
    public void* SessionGetOverridableInitializerCount; // slot 32
    public delegate* unmanaged<OrtSession*, nuint, OrtTypeInfo**, OrtStatus*> SessionGetInputTypeInfo; // slot 33
    public delegate* unmanaged<OrtSession*, nuint, OrtTypeInfo**, OrtStatus*> SessionGetOutputTypeInfo; // slot 34
    public void* SessionGetOverridableInitializerTypeInfo; // slot 35
    public delegate* unmanaged<OrtSession*, nuint, OrtAllocator*, byte**, OrtStatus*> SessionGetInputName; // slot 36
    public delegate* unmanaged<OrtSession*, nuint, OrtAllocator*, byte**, OrtStatus*> SessionGetOutputName; // slot 37
    public void* SessionGetOverridableInitializerName; // slot 38
    public delegate* unmanaged<OrtRunOptions**, OrtStatus*> CreateRunOptions; // slot 39
    public void* RunOptionsSetRunLogVerbosityLevel; // slot 40
    public void* RunOptionsSetRunLogSeverityLevel; // slot 41
    public void* RunOptionsSetRunTag; // slot 42
    public void* RunOptionsGetRunLogVerbosityLevel; // slot 43
    public void* RunOptionsGetRunLogSeverityLevel; // slot 44
    public void* RunOptionsGetRunTag; // slot 45
    public delegate* unmanaged<OrtRunOptions*, OrtStatus*> RunOptionsSetTerminate; // slot 46
    public delegate* unmanaged<OrtRunOptions*, OrtStatus*> RunOptionsUnsetTerminate; // slot 47
    public void* CreateTensorAsOrtValue; // slot 48
    public delegate* unmanaged<OrtMemoryInfo*, void*, nuint, long*, nuint, TensorElementType, OrtValue**, OrtStatus*> CreateTensorWithDataAsOrtValue; // slot 49
    public delegate* unmanaged<OrtValue*, int*, OrtStatus*> IsTensor; // slot 50
    public delegate* unmanaged<OrtValue*, void**, OrtStatus*> GetTensorMutableData; // slot 51
    public void* FillStringTensor; // slot 52
    public void* GetStringTensorDataLength; // slot 53
    public void* GetStringTensorContent; // slot 54
    public delegate* unmanaged<OrtTypeInfo*, OrtTensorTypeAndShapeInfo**, OrtStatus*> CastTypeInfoToTensorInfo; // slot 55
    public delegate* unmanaged<OrtTypeInfo*, ONNXType*, OrtStatus*> GetOnnxTypeFromTypeInfo; // slot 56
    public void* CreateTensorTypeAndShapeInfo; // slot 57
    public void* SetTensorElementType; // slot 58
    public void* SetDimensions; // slot 59
    public delegate* unmanaged<OrtTensorTypeAndShapeInfo*, TensorElementType*, OrtStatus*> GetTensorElementType; // slot 60
    public delegate* unmanaged<OrtTensorTypeAndShapeInfo*, nuint*, OrtStatus*> GetDimensionsCount; // slot 61
    public delegate* unmanaged<OrtTensorTypeAndShapeInfo*, long*, nuint, OrtStatus*> GetDimensions; // slot 62
    public void* GetSymbolicDimensions; // slot 63
    public delegate* unmanaged<OrtTensorTypeAndShapeInfo*, nuint*, OrtStatus*> GetTensorShapeElementCount; // slot 64
    public delegate* unmanaged<OrtValue*, OrtTensorTypeAndShapeInfo**, OrtStatus*> GetTensorTypeAndShape; // slot 65
    public void* GetTypeInfo; // slot 66
    public void* GetValueType; // slot 67
    public void* CreateMemoryInfo; // slot 68
    public delegate* unmanaged<OrtAllocatorType, OrtMemType, OrtMemoryInfo**, OrtStatus*> CreateCpuMemoryInfo; // slot 69
    public void* CompareMemoryInfo; // slot 70
    public void* MemoryInfoGetName; // slot 71
    public void* MemoryInfoGetId; // slot 72
    public void* MemoryInfoGetMemType; // slot 73
    public void* MemoryInfoGetType; // slot 74
    public void* AllocatorAlloc; // slot 75
    public delegate* unmanaged<OrtAllocator*, void*, OrtStatus*> AllocatorFree; // slot 76
    public void* AllocatorGetInfo; // slot 77
    public delegate* unmanaged<OrtAllocator**, OrtStatus*> GetAllocatorWithDefaultOptions; // slot 78
    public void* AddFreeDimensionOverride; // slot 79
    public void* GetValue; // slot 80
    public void* GetValueCount; // slot 81
    public void* CreateValue; // slot 82
    public void* CreateOpaqueValue; // slot 83
    public void* GetOpaqueValue; // slot 84
    public void* KernelInfoGetAttribute_float; // slot 85
    public void* KernelInfoGetAttribute_int64; // slot 86
    public void* KernelInfoGetAttribute_string; // slot 87
    public void* KernelContext_GetInputCount; // slot 88
    public void* KernelContext_GetOutputCount; // slot 89
    public void* KernelContext_GetInput; // slot 90
    public void* KernelContext_GetOutput; // slot 91
    public delegate* unmanaged<OrtEnv*, void> ReleaseEnv; // slot 92
    public delegate* unmanaged<OrtStatus*, void> ReleaseStatus; // slot 93
    public delegate* unmanaged<OrtMemoryInfo*, void> ReleaseMemoryInfo; // slot 94
    public delegate* unmanaged<OrtSession*, void> ReleaseSession; // slot 95
    public delegate* unmanaged<OrtValue*, void> ReleaseValue; // slot 96
    public delegate* unmanaged<OrtRunOptions*, void> ReleaseRunOptions; // slot 97
    public delegate* unmanaged<OrtTypeInfo*, void> ReleaseTypeInfo; // slot 98
    public delegate* unmanaged<OrtTensorTypeAndShapeInfo*, void> ReleaseTensorTypeAndShapeInfo; // slot 99
    public delegate* unmanaged<OrtSessionOptions*, void> ReleaseSessionOptions; // slot 100
}
