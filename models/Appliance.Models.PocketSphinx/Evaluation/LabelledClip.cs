namespace Appliance.Models.PocketSphinx.Evaluation;

/// <summary>16 kHz mono audio with what was said in it.</summary>
public sealed record LabelledClip(string Id, string Transcript, float[] Samples)
{
    public double Seconds => Samples.Length / 16000.0;
}
