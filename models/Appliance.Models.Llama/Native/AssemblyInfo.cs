using System.Runtime.CompilerServices;

// Every struct crossing the boundary is blittable and mirrors llama.h; nothing is marshalled by the runtime.
[assembly: DisableRuntimeMarshalling]
