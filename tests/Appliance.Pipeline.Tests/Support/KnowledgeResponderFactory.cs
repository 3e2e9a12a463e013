using Appliance.Dialog;
using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;

namespace Appliance.Pipeline.Tests.Support;

/// <summary>The embedded default responder over the shipped sample knowledge.</summary>
internal sealed class KnowledgeResponderFactory
{
    public KnowledgeResponder Create() => new(KnowledgeBase.LoadDefault(), PersonaProfile.Default);
}
