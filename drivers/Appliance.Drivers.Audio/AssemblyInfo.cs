using System.Runtime.CompilerServices;

// Every interop signature is blittable; the runtime must not marshal anything behind our back.
[assembly: DisableRuntimeMarshalling]
