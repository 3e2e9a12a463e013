using System.Runtime.CompilerServices;

// Every P/Invoke in this assembly is blittable; no runtime marshalling stubs.
[assembly: DisableRuntimeMarshalling]
