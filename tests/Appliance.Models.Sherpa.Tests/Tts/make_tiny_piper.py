#!/usr/bin/python3
"""Writes a tiny stand-in Piper/VITS voice for the TTS binding tests: OUT_DIR/tiny-piper.onnx + tokens.txt.

The graph has the interface sherpa-onnx's offline-tts-vits-model.cc (v1.13.4) drives for a model
whose metadata comment contains "piper": inputs input (int64 [1, T] phoneme ids), input_lengths
(int64 [1]) and scales (float [3]: noise, length, noise_w); output (float [1, 1, samples]). Each
phoneme id becomes HOP samples of a sine whose frequency depends on the id, so the audio is a tone
sequence -- the point is that sherpa's real front end (espeak-ng phonemisation, tokens.txt lookup,
pad/bos/eos insertion) and the real onnxruntime session run end to end.

Metadata mirrors what sherpa reads for Piper voices: model_type, comment, language, voice,
has_espeak, sample_rate, n_speakers, add_blank, punctuation.

Usage: /usr/bin/python3 make_tiny_piper.py OUT_DIR   (needs Debian's python3-onnx and python3-numpy)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SAMPLE_RATE = 16000
HOP = 256  # samples per phoneme id

def tokens():
    # Piper's conventional first ids: pad, bos, eos, space; then punctuation and IPA symbols.
    symbols = ['_', '^', '$', ' ', '!', "'", '(', ')', ',', '-', '.', ':', ';', '?']
    symbols += [chr(c) for c in range(ord('a'), ord('z') + 1)]
    symbols += [chr(c) for c in range(0x0250, 0x02B0)]  # IPA extensions
    symbols += [chr(c) for c in range(0x02B0, 0x0300)]  # spacing modifiers (stress, length marks)
    symbols += [chr(c) for c in range(0x0300, 0x0370)]  # combining diacritics
    symbols += list('æçðøħŋœθβχᵻ—…"«»“”¡¿')
    seen = []
    for s in symbols:
        if s not in seen:
            seen.append(s)
    return seen

def model():
    ids = helper.make_tensor_value_info('input', TensorProto.INT64, [1, 'T'])
    lengths = helper.make_tensor_value_info('input_lengths', TensorProto.INT64, [1])
    scales = helper.make_tensor_value_info('scales', TensorProto.FLOAT, [3])
    out = helper.make_tensor_value_info('output', TensorProto.FLOAT, [1, 1, 'N'])
    # phase increment per sample for id k: 2*pi*(100 + 10 k)/sr; samples 0..HOP-1 of each phoneme
    ramp = numpy_helper.from_array(np.arange(HOP, dtype=np.float32) * np.float32(2 * np.pi / SAMPLE_RATE), 'ramp')
    base = numpy_helper.from_array(np.array(100.0, dtype=np.float32), 'base')
    step = numpy_helper.from_array(np.array(10.0, dtype=np.float32), 'step')
    gain = numpy_helper.from_array(np.array(0.3, dtype=np.float32), 'gain')
    axes = numpy_helper.from_array(np.array([2], dtype=np.int64), 'axes')
    shape = numpy_helper.from_array(np.array([1, 1, -1], dtype=np.int64), 'shape')
    nodes = [
        helper.make_node('Cast', ['input'], ['idf'], to=TensorProto.FLOAT),
        helper.make_node('Mul', ['idf', 'step'], ['hz0']),
        helper.make_node('Add', ['hz0', 'base'], ['hz']),                # [1, T]
        helper.make_node('Unsqueeze', ['hz', 'axes'], ['hz3']),          # [1, T, 1]
        helper.make_node('Mul', ['hz3', 'ramp'], ['phase']),             # [1, T, HOP]
        helper.make_node('Sin', ['phase'], ['wave']),
        helper.make_node('Mul', ['wave', 'gain'], ['scaled']),
        helper.make_node('Reshape', ['scaled', 'shape'], ['output']),    # [1, 1, T*HOP]
    ]
    graph = helper.make_graph(nodes, 'tiny_piper', [ids, lengths, scales], [out],
                              initializer=[ramp, base, step, gain, axes, shape])
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='appliance-tests')
    m.ir_version = 8
    meta = {
        'model_type': 'vits',
        'comment': 'piper',
        'language': 'English',
        'voice': 'en-us',
        'has_espeak': '1',
        'sample_rate': str(SAMPLE_RATE),
        'n_speakers': '1',
        'add_blank': '0',
        'punctuation': '; : , . ! ? ¡ ¿ — … " « » “ ”',
    }
    for k, v in meta.items():
        entry = m.metadata_props.add()
        entry.key, entry.value = k, v
    onnx.checker.check_model(m)
    return m

def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    onnx.save(model(), os.path.join(out_dir, 'tiny-piper.onnx'))
    with open(os.path.join(out_dir, 'tokens.txt'), 'w', encoding='utf-8') as f:
        for i, s in enumerate(tokens()):
            f.write(f'{s} {i}\n')

main()
