using Appliance.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Models.Llama.Tests;

[Collection(LlamaCollection.Name)]
public sealed class LogTests(LlamaFixture fixture)
{
    [Fact]
    public void NativeLogLinesReachTheLogger()
    {
        Assert.NotNull(fixture.Info);
        var logger = new ListLogger();
        LlamaLog.Logger = logger;
        try
        {
            using var model = LlamaModel.Load(SharedData.TinyRandomLlama, new LlamaModelOptions { VocabOnly = true });
        }
        finally
        {
            LlamaLog.Logger = NullLogger.Instance;
        }
        Assert.Contains(logger.Lines, l => l.Contains("llama_model_loader", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.EndsWith('\n'));
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
