using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>What the app logged: warnings and errors from everywhere, and IdeaBox's own information lines.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public sealed record Line(LogLevel Level, string Category, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public void Clear() => _lines.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new Line(logLevel, category, formatter(state, exception), exception));
    }
}
