namespace Appliance.Service.Knowledge;

/// <summary>A knowledge-base document on disk (UTF-8 text or Markdown).</summary>
public sealed record KnowledgeDocument(string Name, long SizeBytes, DateTimeOffset ModifiedAt, string Path);
