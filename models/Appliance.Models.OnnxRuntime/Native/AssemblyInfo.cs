using System.Runtime.CompilerServices;

// Every native signature is blittable (pointers, integers, enums); nothing is marshalled implicitly.
[assembly: DisableRuntimeMarshalling]
