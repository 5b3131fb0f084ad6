using System.Net;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// The real app (src/Coaching.Web) served by Kestrel on a free loopback port, on a throwaway SQLite file
/// seeded with the demo club. Environment "Testing": production-like pipeline (error pages, no developer page).
/// </summary>
public sealed class CoachingAppFactory : WebApplicationFactory<Program>
{
    public CoachingAppFactory()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "coaching-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataFolder);
        DatabaseFile = Path.Combine(DataFolder, "coaching-e2e.db");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Absolute temporary folder holding the database and the mail pickup folder; deleted on dispose.</summary>
    public string DataFolder { get; }

    public string DatabaseFile { get; }

    /// <summary>Where the app writes emails (no SMTP host is configured in the tests).</summary>
    public string MailPickupFolder => Path.Combine(DataFolder, "mail-pickup");

    /// <summary>Root address of the running app, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting values reach builder.Configuration before Program.cs reads it (unlike ConfigureAppConfiguration).
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={DatabaseFile}");
        builder.UseSetting("Coaching:DataFolder", DataFolder);
        builder.UseSetting("Coaching:SeedDemoData", "true");
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("Smtp:PickupFolder", MailPickupFolder);
        // Every journey signs the demo accounts in from one address.
        builder.UseSetting("RateLimits:PerClientPermitLimit", "1000000");
        builder.UseSetting("RateLimits:PerAccountPermitLimit", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Plain HTTP on a loopback port: the browser would drop Secure cookies (Coaching.Tests checks them over HTTPS).
        builder.UseSetting("Coaching:SecureCookies", "false");
    }

    /// <summary>Starts Kestrel (migrations and demo seeding run during start-up) and records the bound address.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel is not listening on 127.0.0.1: " + string.Join(", ", addresses));
        BaseUrl = address.TrimEnd('/');

        // Guard: the app must really use the throwaway folder, never a developer's data/ folder.
        var used = Services.GetRequiredService<DataFolder>().Path;
        if (!string.Equals(Path.GetFullPath(used), Path.GetFullPath(DataFolder), StringComparison.Ordinal))
            throw new InvalidOperationException($"The app uses the data folder {used} instead of the test folder {DataFolder}.");
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
            // A file still held open is left to the OS's temp cleaner; never fail a test run for it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
