// The cluster's fixtures each run two nodes; one class at a time keeps the 2-core box answering within the leases.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
