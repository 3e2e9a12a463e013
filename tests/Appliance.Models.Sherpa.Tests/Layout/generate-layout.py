#!/usr/bin/env python3
"""Regenerates sherpa-c-api-1.13.4.layout.tsv from the REAL c-api.h (run once per sherpa-onnx upgrade).

No npm package of sherpa-onnx 1.13.4 ships c-api.h, so the header is not in the build cache and the
test cannot compile against it at run time. Instead this script writes a C program that prints
sizeof/offsetof of every struct the C# binding mirrors, compiles it with gcc against the header and
writes the table the layout test compares Marshal.SizeOf/OffsetOf against.

Usage (header from the public k2-fsa/sherpa-onnx repository at tag v1.13.4,
commit 142807252687d81b40d6315f23470a1512a00de3):
    git -C sherpa-onnx show v1.13.4:sherpa-onnx/c-api/c-api.h > /tmp/inc/sherpa-onnx/c-api/c-api.h
    python3 generate-layout.py /tmp/inc/sherpa-onnx/c-api/c-api.h > sherpa-c-api-1.13.4.layout.tsv

The struct list is the first column of the existing table (structs.txt order); fields are read from
the header itself, so a field added upstream shows up as a row the C# mirror does not have.
"""
import os, re, subprocess, sys, tempfile

STRUCTS = [l.split('\t')[1] for l in open(os.path.join(os.path.dirname(__file__), 'sherpa-c-api-1.13.4.layout.tsv'))
           if l.startswith('size\t')] if len(sys.argv) < 3 else sys.argv[2].split(',')

def fields_of(header):
    src = re.sub(r'/\*.*?\*/', '', open(header).read(), flags=re.S)
    src = re.sub(r'//[^\n]*', '', src)
    result = {}
    for m in re.finditer(r'typedef\s+struct\s+(\w+)\s*\{(.*?)\}\s*\w+\s*;', src, flags=re.S):
        result[m.group(1)] = [re.match(r'.*?(\w+)$', ' '.join(d.split())).group(1)
                              for d in m.group(2).split(';') if d.strip()]
    return result

TEMPLATE = '''#include <stddef.h>
#include <stdio.h>
#include "sherpa-onnx/c-api/c-api.h"
int main(void) {
%s  return 0;
}
'''

def main():
    header = os.path.abspath(sys.argv[1])
    include = os.path.dirname(os.path.dirname(os.path.dirname(header)))
    fields = fields_of(header)
    body = ''
    for s in STRUCTS:
        body += f'  printf("size\\t{s}\\t\\t%zu\\n", sizeof({s}));\n'
        for f in fields[s]:
            body += f'  printf("offset\\t{s}\\t{f}\\t%zu\\n", offsetof({s}, {f}));\n'
    with tempfile.TemporaryDirectory() as tmp:
        c = os.path.join(tmp, 'layout.c')
        open(c, 'w').write(TEMPLATE % body)
        subprocess.run(['gcc', '-std=c11', '-I', include, '-o', os.path.join(tmp, 'layout'), c], check=True)
        sys.stdout.write('# kind\tstruct\tfield\tbytes (x86-64 Linux, gcc, sherpa-onnx 1.13.4 c-api.h)\n')
        sys.stdout.flush()
        subprocess.run([os.path.join(tmp, 'layout')], check=True)

main()
