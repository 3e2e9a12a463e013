using Appliance.Dialog.Knowledge;

namespace Appliance.Dialog.Tests;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kb");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Markdown_headings_are_questions_with_ids_and_curated_flags()
    {
        var entries = KnowledgeLoader.LoadFile(Write("faq.zh.md", "# 标题\n\n## 几点开门 | 开放时间 {#hours .curated}\n九点开门。\n\n第二段。\n## 无编号\n答案\n"));
        Assert.Equal(2, entries.Count);
        Assert.Equal("hours", entries[0].Id);
        Assert.True(entries[0].Curated);
        Assert.Equal("zh", entries[0].Language);
        Assert.Equal(["几点开门", "开放时间"], entries[0].Questions);
        Assert.Equal("九点开门。 第二段。", entries[0].Answer);
        Assert.False(entries[1].Curated);
    }

    [Fact]
    public void Csv_handles_quotes_commas_and_phrasings()
    {
        var entries = KnowledgeLoader.LoadFile(Write("faq.csv", "question,answer,lang\n\"Price, please|cost\",\"It is \"\"cheap\"\", really\",en\n"));
        var e = Assert.Single(entries);
        Assert.Equal(["Price, please", "cost"], e.Questions);
        Assert.Equal("It is \"cheap\", really", e.Answer);
    }

    [Fact]
    public void Bad_files_name_the_file_and_the_problem()
    {
        var yaml = Assert.Throws<InvalidKnowledgeException>(() => KnowledgeLoader.LoadFile(Write("x.yaml", "- id: a\n  answer: [unclosed\n")));
        Assert.Contains("x.yaml", yaml.Message);
        var missing = Assert.Throws<InvalidKnowledgeException>(() => KnowledgeLoader.LoadFile(Write("y.yaml", "- id: a\n  answer: hi\n")));
        Assert.Contains("needs 'questions' and 'answer'", missing.Message);
        var csv = Assert.Throws<InvalidKnowledgeException>(() => KnowledgeLoader.LoadFile(Write("z.csv", "q,a\nx,y\n")));
        Assert.Contains("'question' and 'answer'", csv.Message);
        var md = Assert.Throws<InvalidKnowledgeException>(() => KnowledgeLoader.LoadFile(Write("w.md", "## empty\n\n## next\ntext\n")));
        Assert.Contains("no answer", md.Message);
        Assert.Throws<InvalidKnowledgeException>(() => KnowledgeLoader.LoadDirectory(Path.Combine(_dir.FullName, "none")));
    }
}
