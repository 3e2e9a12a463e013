namespace Appliance.Models.OnnxRuntime.Native;

// The C API's opaque objects (ORT_RUNTIME_CLASS). Only ever used behind a pointer.
#pragma warning disable CA1812 // never instantiated: they only name pointer types
internal struct OrtEnv;
internal struct OrtStatus;
internal struct OrtMemoryInfo;
internal struct OrtSession;
internal struct OrtValue;
internal struct OrtRunOptions;
internal struct OrtTypeInfo;
internal struct OrtTensorTypeAndShapeInfo;
internal struct OrtSessionOptions;
internal struct OrtAllocator;
#pragma warning restore CA1812
