namespace Appliance.Dialog.Knowledge;

/// <summary>A knowledge file that cannot be used, naming the file (and line) and what is wrong.</summary>
public sealed class InvalidKnowledgeException(string message) : Exception(message);
