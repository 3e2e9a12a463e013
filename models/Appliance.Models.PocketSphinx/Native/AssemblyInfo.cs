using System.Runtime.CompilerServices;

// Every native call passes only blittable types; marshalling is spelled out at each call site.
[assembly: DisableRuntimeMarshalling]
