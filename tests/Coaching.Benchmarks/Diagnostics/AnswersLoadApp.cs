using System.Collections.Concurrent;
using System.Net;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coaching.Benchmarks.Diagnostics;

/// <summary>
/// The real app served by Kestrel on a free loopback port, on a throwaway SQLite file seeded with the demo club
/// (environment "Testing": the production pipeline). Counts the app's log entries that mention a locked database.
/// </summary>
public sealed class AnswersLoadApp : WebApplicationFactory<global::Program>
{
    public AnswersLoadApp()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "coaching-load-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }

    public string BaseUrl { get; private set; } = "";

    public LockedLog Locked { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={Path.Combine(DataFolder, "coaching-load.db")}");
        builder.UseSetting("Coaching:DataFolder", DataFolder);
        builder.UseSetting("Coaching:SeedDemoData", "true");
        builder.UseSetting("Smtp:Host", "");
        // Plain HTTP on loopback: Secure cookies would not come back.
        builder.UseSetting("Coaching:SecureCookies", "false");
        builder.UseSetting("Smtp:PickupFolder", Path.Combine(DataFolder, "mail-pickup"));
        builder.UseSetting("FollowUp:EmailReminders", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The lock counter also sees the app's retries, logged as information; the console only gets warnings.
        builder.ConfigureLogging(logging => logging.AddProvider(Locked).AddFilter<LockedLog>("Coaching", LogLevel.Information));
    }

    /// <summary>
    /// The web project's folder as content root (views, wwwroot), found from the build output: outside a test host the
    /// factory's own lookup ends in a folder that does not exist.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(WebProjectFolder());
        return base.CreateHost(builder);
    }

    internal static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Coaching.Web");
            if (File.Exists(Path.Combine(candidate, "Coaching.Web.csproj"))) return candidate;
        }
        throw new InvalidOperationException("src/Coaching.Web not found above " + AppContext.BaseDirectory);
    }

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');
        var used = Services.GetRequiredService<DataFolder>().Path;
        if (!string.Equals(Path.GetFullPath(used), Path.GetFullPath(DataFolder), StringComparison.Ordinal))
            throw new InvalidOperationException($"The app uses {used} instead of the load test's folder {DataFolder}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Counts the log entries (message or exception) that mention « database is locked » or « database table is locked ».</summary>
public sealed class LockedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public int Count => _entries.Count;

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static bool MentionsLock(string? text) =>
        text is not null && (text.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
            || text.Contains("database table is locked", StringComparison.OrdinalIgnoreCase)
            || text.Contains("SQLite Error 5", StringComparison.OrdinalIgnoreCase)
            || text.Contains("SQLite Error 6", StringComparison.OrdinalIgnoreCase));

    private sealed class Logger(LockedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (MentionsLock(message) || MentionsLock(exception?.ToString()))
                owner._entries.Enqueue($"{logLevel} {category}: {message.Split('\n')[0]}");
        }
    }
}
