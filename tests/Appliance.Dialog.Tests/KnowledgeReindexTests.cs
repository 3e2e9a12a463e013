using Appliance.Dialog.Knowledge;
using Appliance.Dialog.Persona;

namespace Appliance.Dialog.Tests;

/// <summary>Re-index (the admin API's POST /api/kb/reindex): a rebuilt index reaches the running responder and dialog.</summary>
public class KnowledgeReindexTests
{
    [Fact]
    public void Replace_reaches_the_responder_that_holds_the_knowledge_base()
    {
        var knowledge = KnowledgeBase.LoadDefault();
        var responder = new KnowledgeResponder(knowledge, PersonaProfile.Default);
        Assert.Null(responder.Answer("when does the parking garage close", "en").Entry);

        var dir = Directory.CreateTempSubdirectory("kb-reindex-").FullName;
        try
        {
            var file = Path.Combine(dir, "parking.en.md");
            File.WriteAllText(file, "# Visitor info\n\n## When does the parking garage close | parking hours {#parking}\n[neutral] The parking garage closes at ten in the evening.\n");
            knowledge.Replace(KnowledgeLoader.LoadFile(file));

            var (answer, entry) = responder.Answer("when does the parking garage close", "en");
            Assert.Equal("parking", entry?.Id);
            Assert.Contains("ten in the evening", answer);
            Assert.Single(knowledge.Entries);
            Assert.DoesNotContain(knowledge.Search("how much does the guide robot cost", "en"), h => h.Entry.Id == "price");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
