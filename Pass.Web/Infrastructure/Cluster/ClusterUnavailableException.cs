namespace Pass.Web.Infrastructure.Cluster;

/// <summary>The cluster bus cannot be reached, so a message every node must hear was not confirmed (answered as 503).</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
