using System.Net;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Coaching.Benchmarks;

/// <summary>
/// The real app served by Kestrel on a free loopback port over plain HTTP, in a throwaway data folder that is deleted
/// with it: the host of the load clients, which talk to it through real sockets like browsers would.
/// </summary>
public abstract class LoopbackApp : WebApplicationFactory<global::Program>
{
    protected LoopbackApp(string folderPrefix)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }

    /// <summary>Root address of the running app, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Settings every load host needs: no e-mail, no Secure cookies (plain HTTP), warnings only.</summary>
    protected void UseLoadDefaults(IWebHostBuilder builder, string databaseFile)
    {
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={databaseFile}");
        builder.UseSetting("Coaching:DataFolder", DataFolder);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:PickupFolder", Path.Combine(DataFolder, "mail-pickup"));
        // Plain HTTP on loopback: Secure cookies would not come back.
        builder.UseSetting("Coaching:SecureCookies", "false");
        builder.UseSetting("FollowUp:EmailReminders", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
            throw new InvalidOperationException($"The app uses {used} instead of the load run's folder {DataFolder}.");
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
        catch (UnauthorizedAccessException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
