using System.Runtime.CompilerServices;
using Appliance.Models.EspeakNg.Native;
using Appliance.TestSupport;

namespace Appliance.Models.EspeakNg.Tests;

/// <summary>
/// espeak_EVENT as the compiler sees the installed speak_lib.h, against our mirror. A mismatch would shift
/// every phoneme position the avatar's visemes depend on.
/// </summary>
public class EspeakEventLayoutTests
{
    private const string Program = """
        #include <stdio.h>
        #include <stddef.h>
        #include <espeak-ng/speak_lib.h>
        #define F(m) printf(#m " %zu\n", offsetof(espeak_EVENT, m))
        int main(void) {
            printf("size %zu\n", sizeof(espeak_EVENT));
            F(type); F(unique_identifier); F(text_position); F(length); F(audio_position); F(sample); F(user_data); F(id);
            printf("id.size %zu\n", sizeof(((espeak_EVENT*)0)->id));
            printf("type.size %zu\n", sizeof(espeak_EVENT_TYPE));
            return 0;
        }
        """;

    [Fact]
    public unsafe void MirrorMatchesTheInstalledHeader()
    {
        var expected = NativeProbe.Run(Program);
        Assert.Equal(expected["size"], sizeof(espeak_EVENT));
        Assert.Equal(expected["id.size"], sizeof(espeak_EVENT_id));
        Assert.Equal(expected["type.size"], (long)Unsafe.SizeOf<espeak_EVENT_TYPE>());
        var e = default(espeak_EVENT);
        var b = (byte*)&e;
        Assert.Equal(expected["type"], (byte*)&e.type - b);
        Assert.Equal(expected["unique_identifier"], (byte*)&e.unique_identifier - b);
        Assert.Equal(expected["text_position"], (byte*)&e.text_position - b);
        Assert.Equal(expected["length"], (byte*)&e.length - b);
        Assert.Equal(expected["audio_position"], (byte*)&e.audio_position - b);
        Assert.Equal(expected["sample"], (byte*)&e.sample - b);
        Assert.Equal(expected["user_data"], (byte*)&e.user_data - b);
        Assert.Equal(expected["id"], (byte*)&e.id - b);
        Assert.Equal(0, e.id.@string - (byte*)&e.id);
    }

    [Fact]
    public unsafe void VoiceMirrorMatchesTheInstalledHeader()
    {
        var expected = NativeProbe.Run("""
            #include <stdio.h>
            #include <stddef.h>
            #include <espeak-ng/speak_lib.h>
            #define F(m) printf(#m " %zu\n", offsetof(espeak_VOICE, m))
            int main(void) {
                printf("size %zu\n", sizeof(espeak_VOICE));
                F(name); F(languages); F(identifier); F(gender); F(age); F(variant); F(xx1); F(score); F(spare);
                return 0;
            }
            """);
        Assert.Equal(expected["size"], sizeof(espeak_VOICE));
        var v = default(espeak_VOICE);
        var b = (byte*)&v;
        Assert.Equal(expected["name"], (byte*)&v.name - b);
        Assert.Equal(expected["languages"], (byte*)&v.languages - b);
        Assert.Equal(expected["identifier"], (byte*)&v.identifier - b);
        Assert.Equal(expected["gender"], &v.gender - b);
        Assert.Equal(expected["age"], &v.age - b);
        Assert.Equal(expected["variant"], &v.variant - b);
        Assert.Equal(expected["xx1"], &v.xx1 - b);
        Assert.Equal(expected["score"], (byte*)&v.score - b);
        Assert.Equal(expected["spare"], (byte*)&v.spare - b);
    }
}
