using System.Diagnostics;
using Coaching.Web.Commands;

namespace Coaching.Tests.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "questionaire", "list" }, true)]
    [InlineData(new[] { "migrat" }, true)]
    [InlineData(new[] { "migrate" }, false)]
    [InlineData(new[] { "questionnaire", "list" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, false)]
    [InlineData(new[] { "urls=http://127.0.0.1:5080" }, false)]
    [InlineData(new string[0], false)]
    public void A_first_argument_that_is_neither_a_command_nor_a_host_setting_is_unknown(string[] args, bool unknown) =>
        Assert.Equal(unknown, CommandLine.IsUnknownCommand(args));

    [Fact]
    public async Task A_mistyped_command_lists_the_commands_and_exits_with_2_instead_of_starting_the_server()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Coaching.Web.dll"), "questionaire", "list" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var text = await error;
        Assert.Contains("questionaire", text, StringComparison.Ordinal);
        Assert.Contains("questionnaire", text.Replace("« questionaire »", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("migrate", text, StringComparison.Ordinal);
    }
}
