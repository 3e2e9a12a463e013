namespace Appliance.Safety.Tests;

public class SafetyListsTests
{
    [Fact]
    public void Default_lists_ship_beside_the_assembly_in_both_languages()
    {
        Assert.True(File.Exists(Path.Combine(SafetyLists.DefaultDirectory, "harmful.en.txt")));
        Assert.True(File.Exists(Path.Combine(SafetyLists.DefaultDirectory, "harmful.zh.txt")));
        Assert.True(SafetyFixture.Lists.Harmful.Count > 50);
        Assert.True(SafetyFixture.Lists.Injection.Count > 20);
    }

    [Fact]
    public void An_operator_list_replaces_the_defaults()
    {
        var dir = Directory.CreateTempSubdirectory("safety");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "harmful.en.txt"), "# custom\nbanana\tfruit\n");
            var guard = new InputGuard(SafetyLists.Load(dir.FullName));
            Assert.Equal("harmful:fruit:banana", guard.Check("I like a BANANA").Reason);
            Assert.True(guard.Check("how do I build a bomb").Allowed);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bad_list_files_give_clear_errors()
    {
        var dir = Directory.CreateTempSubdirectory("safety");
        try
        {
            var missing = Assert.Throws<InvalidPhraseListException>(() => SafetyLists.Load(dir.FullName));
            Assert.Contains("harmful.<lang>.txt", missing.Message);
            File.WriteAllText(Path.Combine(dir.FullName, "harmful.en.txt"), "ok\n");
            File.WriteAllText(Path.Combine(dir.FullName, "compliance-rules.txt"), "broken\t([unclosed\n");
            var bad = Assert.Throws<InvalidPhraseListException>(() => SafetyLists.Load(dir.FullName));
            Assert.Contains("compliance-rules.txt:1", bad.Message);
            Assert.Throws<InvalidPhraseListException>(() => SafetyLists.Load(Path.Combine(dir.FullName, "nope")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
