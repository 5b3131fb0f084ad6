using System.Collections.Concurrent;
using System.Net;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// The real app in Production, served by Kestrel on a free loopback port, on a fresh copy of a generated database (so
/// that every run starts from the same data). Keeps the app's error log entries.
/// </summary>
public sealed class LoadApp : WebApplicationFactory<global::Program>
{
    private readonly string _databaseFile;

    public LoadApp(string sourceDatabase)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "coaching-loadrun-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        _databaseFile = Path.Combine(DataFolder, "coaching.db");
        DatabaseBackup.Create($"Data Source={sourceDatabase}", _databaseFile, overwrite: false);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }

    public string BaseUrl { get; private set; } = "";

    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={_databaseFile}");
        builder.UseSetting("Coaching:DataFolder", DataFolder);
        builder.UseSetting("Coaching:SeedDemoData", "false");
        builder.UseSetting("Smtp:Host", "");
        // Plain HTTP on loopback: Secure cookies would not come back.
        builder.UseSetting("Coaching:SecureCookies", "false");
        builder.UseSetting("FollowUp:EmailReminders", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(Diagnostics.AnswersLoadApp.WebProjectFolder());
        return base.CreateHost(builder);
    }

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The app's log entries at Error level or above (an unhandled exception, a failed save…).</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception).Split('\n')[0]} {exception?.GetType().Name}: {exception?.Message}");
        }
    }
}
