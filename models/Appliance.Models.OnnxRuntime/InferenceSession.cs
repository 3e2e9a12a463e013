using System.Buffers;
using System.Runtime.InteropServices;
using Appliance.Models.OnnxRuntime.Native;

namespace Appliance.Models.OnnxRuntime;

/// <summary>
/// A loaded model. <see cref="Run"/> may be called from several threads at once (ORT allows it);
/// inputs are passed without copying (pinned managed arrays), outputs are copied into new arrays.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OrtEnvironment environment;
    private readonly OrtSessionHandle session;
    private readonly OrtMemoryInfoHandle cpuMemory;
    private bool environmentReferenced;

    private InferenceSession(string path, OrtEnvironment environment, OrtSessionHandle session, OrtMemoryInfoHandle cpuMemory)
    {
        ModelPath = path;
        this.environment = environment;
        this.session = session;
        this.cpuMemory = cpuMemory;
        Inputs = ReadNodes(input: true);
        Outputs = ReadNodes(input: false);
    }

    public string ModelPath { get; }

    public IReadOnlyList<NodeInfo> Inputs { get; }

    public IReadOnlyList<NodeInfo> Outputs { get; }

    /// <summary>Loads an .onnx file. A missing, unreadable or corrupt file becomes a clear exception, never a crash.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="OnnxRuntimeException">ORT could not load the model (its message names the reason).</exception>
    public static InferenceSession Open(OrtEnvironment environment, string path, SessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ONNX model not found: {path}", path);
        }
        var api = OrtNative.Api;
        using var nativeOptions = (options ?? new SessionOptions()).CreateNative();
        var utf8Path = OrtNative.Utf8(Path.GetFullPath(path));
        OrtSessionHandle? sessionHandle = null;
        OrtMemoryInfoHandle? memory = null;
        var added = false;
        try
        {
            // The session needs the environment for its whole life (ORT's rule); hold a reference.
            environment.Handle.DangerousAddRef(ref added);
            OrtSession* created = null;
            OrtNative.Check(api->CreateSession(environment.Handle.Pointer, utf8Path, nativeOptions.Pointer, &created), $"loading model {path}");
            if (created == null)
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail, $"loading model {path}: CreateSession returned no session");
            }
            sessionHandle = new OrtSessionHandle(created);
            OrtMemoryInfo* info = null;
            OrtNative.Check(api->CreateCpuMemoryInfo(OrtAllocatorType.OrtArenaAllocator, OrtMemType.OrtMemTypeDefault, &info), "creating CPU memory info");
            memory = new OrtMemoryInfoHandle(info);
            var result = new InferenceSession(path, environment, sessionHandle, memory) { environmentReferenced = added };
            added = false;
            return result;
        }
        catch
        {
            memory?.Dispose();
            sessionHandle?.Dispose();
            throw;
        }
        finally
        {
            NativeMemory.Free(utf8Path);
            if (added)
            {
                environment.Handle.DangerousRelease();
            }
        }
    }

    /// <summary>Runs the model on named float inputs and returns every output, in <see cref="Outputs"/> order.</summary>
    public IReadOnlyList<FloatTensor> Run(IReadOnlyList<KeyValuePair<string, FloatTensor>> inputs, CancellationToken cancellationToken = default) =>
        Run(inputs, Outputs.Select(o => o.Name).ToList(), cancellationToken);

    /// <summary>Runs the model on one float input (most models here have exactly one) and returns every output.</summary>
    public IReadOnlyList<FloatTensor> Run(FloatTensor input, CancellationToken cancellationToken = default) =>
        Run([new KeyValuePair<string, FloatTensor>(Inputs[0].Name, input)], cancellationToken);

    /// <summary>
    /// Runs the model. Cancelling <paramref name="cancellationToken"/> sets ORT's terminate flag on this
    /// run (RunOptionsSetTerminate), which stops it between operators.
    /// </summary>
    /// <exception cref="ArgumentException">An input is unknown, missing, or its shape contradicts the model.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before or during the run.</exception>
    /// <exception cref="OnnxRuntimeException">ORT refused the run (its message names the reason).</exception>
    public IReadOnlyList<FloatTensor> Run(IReadOnlyList<KeyValuePair<string, FloatTensor>> inputs, IReadOnlyList<string> outputNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputNames);
        ObjectDisposedException.ThrowIf(session.IsClosed, this);
        Validate(inputs, outputNames);
        cancellationToken.ThrowIfCancellationRequested();

        var api = OrtNative.Api;
        var nIn = inputs.Count;
        var nOut = outputNames.Count;
        var pins = new MemoryHandle[nIn];
        var inputValues = new OrtValueHandle?[nIn];
        var inputNames = (byte**)NativeMemory.AllocZeroed((nuint)nIn, (nuint)sizeof(byte*));
        var outNames = (byte**)NativeMemory.AllocZeroed((nuint)nOut, (nuint)sizeof(byte*));
        var inputPointers = (OrtValue**)NativeMemory.AllocZeroed((nuint)nIn, (nuint)sizeof(OrtValue*));
        var outputPointers = (OrtValue**)NativeMemory.AllocZeroed((nuint)nOut, (nuint)sizeof(OrtValue*));
        var refs = new SafeHandleRefs();
        try
        {
            refs.Add(session);
            refs.Add(cpuMemory);
            for (var i = 0; i < nIn; i++)
            {
                var (name, tensor) = (inputs[i].Key, inputs[i].Value);
                inputNames[i] = OrtNative.Utf8(name);
                pins[i] = tensor.Data.AsMemory().Pin();
                var shape = tensor.Shape.ToArray();
                OrtValue* value = null;
                fixed (long* dims = shape)
                {
                    OrtNative.Check(api->CreateTensorWithDataAsOrtValue(cpuMemory.Pointer, pins[i].Pointer,
                        (nuint)tensor.Data.Length * sizeof(float), dims, (nuint)shape.Length, TensorElementType.Float, &value),
                        $"creating input tensor '{name}' {tensor}");
                }
                inputValues[i] = new OrtValueHandle(value);
                inputPointers[i] = value;
            }
            for (var i = 0; i < nOut; i++)
            {
                outNames[i] = OrtNative.Utf8(outputNames[i]);
            }

            OrtRunOptions* runOptions = null;
            OrtNative.Check(api->CreateRunOptions(&runOptions), "creating run options");
            using var runOptionsHandle = new OrtRunOptionsHandle(runOptions);
            OrtStatus* status;
            // Disposing the registration waits for a callback in flight, so the run options outlive it.
            using (cancellationToken.Register(static state => Terminate((OrtRunOptionsHandle)state!), runOptionsHandle))
            {
                status = api->Run(session.Pointer, runOptions, inputNames, inputPointers, (nuint)nIn, outNames, (nuint)nOut, outputPointers);
            }
            if (status != null && cancellationToken.IsCancellationRequested)
            {
                api->ReleaseStatus(status);
                throw new OperationCanceledException($"running {Path.GetFileName(ModelPath)} was cancelled", cancellationToken);
            }
            OrtNative.Check(status, $"running {Path.GetFileName(ModelPath)}");

            var results = new FloatTensor[nOut];
            for (var i = 0; i < nOut; i++)
            {
                results[i] = CopyOut(outputPointers[i], outputNames[i]);
            }
            return results;
        }
        finally
        {
            for (var i = 0; i < nOut; i++)
            {
                if (outputPointers[i] != null)
                {
                    api->ReleaseValue(outputPointers[i]);
                }
                NativeMemory.Free(outNames[i]);
            }
            for (var i = 0; i < nIn; i++)
            {
                // The OrtValue borrows the pinned array: release it before unpinning.
                inputValues[i]?.Dispose();
                pins[i].Dispose();
                NativeMemory.Free(inputNames[i]);
            }
            NativeMemory.Free(inputNames);
            NativeMemory.Free(outNames);
            NativeMemory.Free(inputPointers);
            NativeMemory.Free(outputPointers);
            refs.Dispose();
        }
    }

    public void Dispose()
    {
        cpuMemory.Dispose();
        session.Dispose();
        if (environmentReferenced)
        {
            environmentReferenced = false;
            environment.Handle.DangerousRelease();
        }
    }

    private static void Terminate(OrtRunOptionsHandle runOptions)
    {
        var added = false;
        try
        {
            runOptions.DangerousAddRef(ref added);
            var status = OrtNative.Api->RunOptionsSetTerminate(runOptions.Pointer);
            if (status != null)
            {
                OrtNative.Api->ReleaseStatus(status);
            }
        }
        catch (ObjectDisposedException)
        {
            // The run already finished and released its options: nothing left to stop.
        }
        finally
        {
            if (added)
            {
                runOptions.DangerousRelease();
            }
        }
    }

    private void Validate(IReadOnlyList<KeyValuePair<string, FloatTensor>> inputs, IReadOnlyList<string> outputNames)
    {
        var model = Path.GetFileName(ModelPath);
        foreach (var (name, tensor) in inputs)
        {
            ArgumentNullException.ThrowIfNull(tensor, name);
            var node = Inputs.FirstOrDefault(n => n.Name == name)
                ?? throw new ArgumentException($"{model} has no input '{name}'; its inputs are {string.Join(", ", Inputs)}", nameof(inputs));
            if (node.ElementType != TensorElementType.Float)
            {
                throw new ArgumentException($"{model} input {node} is not a float tensor; this binding passes float tensors only", nameof(inputs));
            }
            var shapeOk = node.Shape.Count == tensor.Shape.Count
                && node.Shape.Zip(tensor.Shape).All(p => p.First < 0 || p.First == p.Second);
            if (!shapeOk)
            {
                throw new ArgumentException($"{model} input {node} cannot take a tensor of shape [{string.Join(", ", tensor.Shape)}]", nameof(inputs));
            }
        }
        foreach (var node in Inputs)
        {
            if (!inputs.Any(i => i.Key == node.Name))
            {
                throw new ArgumentException($"{model} needs input {node}, which was not given", nameof(inputs));
            }
        }
        foreach (var name in outputNames)
        {
            if (!Outputs.Any(o => o.Name == name))
            {
                throw new ArgumentException($"{model} has no output '{name}'; its outputs are {string.Join(", ", Outputs)}", nameof(outputNames));
            }
        }
    }

    private FloatTensor CopyOut(OrtValue* value, string name)
    {
        var api = OrtNative.Api;
        int isTensor;
        OrtNative.Check(api->IsTensor(value, &isTensor), $"reading output '{name}'");
        if (isTensor == 0)
        {
            throw new NotSupportedException($"output '{name}' of {Path.GetFileName(ModelPath)} is not a tensor");
        }
        OrtTensorTypeAndShapeInfo* info = null;
        OrtNative.Check(api->GetTensorTypeAndShape(value, &info), $"reading the shape of output '{name}'");
        using var infoHandle = new OrtTensorTypeAndShapeInfoHandle(info);
        var (type, shape) = ReadTypeAndShape(info);
        if (type != TensorElementType.Float)
        {
            throw new NotSupportedException($"output '{name}' of {Path.GetFileName(ModelPath)} is {type}; this binding reads float tensors only");
        }
        nuint count;
        OrtNative.Check(api->GetTensorShapeElementCount(info, &count), $"reading the size of output '{name}'");
        void* data = null;
        OrtNative.Check(api->GetTensorMutableData(value, &data), $"reading output '{name}'");
        var copy = new float[checked((int)count)];
        if (count > 0)
        {
            new ReadOnlySpan<float>(data, copy.Length).CopyTo(copy);
        }
        return new FloatTensor(copy, shape);
    }

    private static (TensorElementType Type, long[] Shape) ReadTypeAndShape(OrtTensorTypeAndShapeInfo* info)
    {
        var api = OrtNative.Api;
        TensorElementType type;
        OrtNative.Check(api->GetTensorElementType(info, &type), "reading a tensor's element type");
        nuint rank;
        OrtNative.Check(api->GetDimensionsCount(info, &rank), "reading a tensor's rank");
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            OrtNative.Check(api->GetDimensions(info, dims, rank), "reading a tensor's dimensions");
        }
        return (type, shape);
    }

    private List<NodeInfo> ReadNodes(bool input)
    {
        var api = OrtNative.Api;
        var kind = input ? "input" : "output";
        nuint count;
        OrtNative.Check(input ? api->SessionGetInputCount(session.Pointer, &count) : api->SessionGetOutputCount(session.Pointer, &count), $"counting {kind}s");
        OrtAllocator* allocator = null;
        OrtNative.Check(api->GetAllocatorWithDefaultOptions(&allocator), "getting the default allocator");
        var nodes = new List<NodeInfo>((int)count);
        for (nuint i = 0; i < count; i++)
        {
            byte* namePtr = null;
            OrtNative.Check(input ? api->SessionGetInputName(session.Pointer, i, allocator, &namePtr) : api->SessionGetOutputName(session.Pointer, i, allocator, &namePtr), $"reading {kind} {i}'s name");
            string name;
            try
            {
                name = Marshal.PtrToStringUTF8((IntPtr)namePtr) ?? "";
            }
            finally
            {
                // Names come from ORT's default allocator and go back to it (not to free()).
                var freeStatus = api->AllocatorFree(allocator, namePtr);
                if (freeStatus != null)
                {
                    api->ReleaseStatus(freeStatus);
                }
            }
            OrtTypeInfo* typeInfo = null;
            OrtNative.Check(input ? api->SessionGetInputTypeInfo(session.Pointer, i, &typeInfo) : api->SessionGetOutputTypeInfo(session.Pointer, i, &typeInfo), $"reading {kind} '{name}'");
            using var typeHandle = new OrtTypeInfoHandle(typeInfo);
            ONNXType onnxType;
            OrtNative.Check(api->GetOnnxTypeFromTypeInfo(typeInfo, &onnxType), $"reading {kind} '{name}'");
            if (onnxType != ONNXType.Tensor)
            {
                nodes.Add(new NodeInfo(name, TensorElementType.Undefined, []));
                continue;
            }
            // CastTypeInfoToTensorInfo returns a view into typeInfo: not released on its own.
            OrtTensorTypeAndShapeInfo* tensorInfo = null;
            OrtNative.Check(api->CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), $"reading {kind} '{name}'");
            var (type, shape) = ReadTypeAndShape(tensorInfo);
            nodes.Add(new NodeInfo(name, type, shape));
        }
        return nodes;
    }
}
