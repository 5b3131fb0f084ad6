using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Coaching.Tests.Support;

/// <summary>
/// The real app as a separate process (`dotnet Coaching.Web.dll`, the build output next to this test assembly), in
/// Production, listening on a free loopback port, on the SQLite database of <paramref name="dataFolder"/>. Its console
/// output is kept to explain a failure. Disposing kills it if it still runs.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    // Generous: a slow CI machine runs the three test projects at once, and three processes may start together (ConcurrentStartTests).
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>The last lines the app wrote on its console.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.Length > 4000 ? _output.ToString()[^4000..] : _output.ToString();
        }
    }

    public static string DatabasePath(string dataFolder) => Path.Combine(dataFolder, "coaching.db");

    /// <summary>Starts the app (with <paramref name="environment"/> added to its variables) and waits until GET /health/ready answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var webDll = Path.Combine(AppContext.BaseDirectory, "Coaching.Web.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { webDll, "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Coaching"] = $"Data Source={DatabasePath(dataFolder)}";
        start.Environment["Coaching__DataFolder"] = dataFolder;
        start.Environment["Coaching__SeedDemoData"] = "true";
        start.Environment["Smtp__Host"] = "";
        // Plain HTTP on loopback: Secure cookies would not come back.
        start.Environment["Coaching__SecureCookies"] = "false";
        start.Environment["FollowUp__EmailReminders"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), $"http://127.0.0.1:{port}");
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>
    /// SIGKILL, as an OOM killer or `kill -9` would: Process.Kill sends SIGKILL on Unix, so no shutdown code, no
    /// flush and no checkpoint run in the app. Returns the exit code (128 + 9 when killed by the signal).
    /// </summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during start-up:\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app did not answer /health/ready within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
