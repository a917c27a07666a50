using System.ComponentModel.DataAnnotations;

namespace Pass.Web.Infrastructure.Cluster;

/// <summary><c>Pass:Redis</c>: set <see cref="Configuration"/> and the node is a cluster member.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Pass:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>10.0.0.5:6379,password=…</c>. Empty: a single node.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several Pass clusters can share one Redis.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,40}$")]
    public string KeyPrefix { get; set; } = "pass";

    /// <summary>
    /// How long a node's lease lasts unrenewed (renewed every third of it). A node that cannot renew stops trusting its
    /// memory after this long; a revocation that had to fence a silent node waits this long before it answers.
    /// </summary>
    [TimeSpanRange("00:00:00.300", "00:01:00")]
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a broadcast waits for the nodes' acknowledgements before it fences the silent ones.</summary>
    [TimeSpanRange("00:00:00.010", "00:00:10")]
    public TimeSpan AcknowledgementTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a broadcast waits for the bus itself before it answers 503.</summary>
    [TimeSpanRange("00:00:00.100", "00:00:30")]
    public TimeSpan BusTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}
