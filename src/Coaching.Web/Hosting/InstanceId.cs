
namespace Coaching.Web.Hosting;

/// <summary>Names this running process among the app's instances: machine, process id, and a GUID against pid reuse.</summary>
public sealed record InstanceId(string Value)
{
    public static InstanceId ForThisProcess() => new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}");

    public override string ToString() => Value;
}
