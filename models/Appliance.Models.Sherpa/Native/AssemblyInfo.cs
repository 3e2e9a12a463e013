using System.Runtime.CompilerServices;

// Every struct crossing the boundary is blittable (byte* strings, int for C int32_t), so the runtime
// must not marshal anything behind our back.
[assembly: DisableRuntimeMarshalling]
