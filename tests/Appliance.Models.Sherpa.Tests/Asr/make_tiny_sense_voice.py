#!/usr/bin/python3
"""Writes a tiny stand-in SenseVoice model for the offline-recognizer tests: OUT_DIR/model.onnx + tokens.txt.

Interface as sherpa-onnx's offline-sense-voice-model.cc (v1.13.4) drives it: inputs x (float
[N, T, 560] = 80-bin fbank x LFR window 7), x_length, language, text_norm (int32 [N]); output logits
(float [N, T + 4, vocab]). The first four output frames spell the tags sherpa parses as language,
emotion, event and ITN (<|en|> <|NEUTRAL|> <|Speech|> <|withitn|>); every later frame says "yes"
when the frame holds any audio (mean log-mel above the digital-silence floor) and blank otherwise.
So after sherpa's real front end (fbank, LFR, CMVN from the metadata) and CTC greedy decoding, each
stretch of sound between digital silences reads "yes".

Usage: /usr/bin/python3 make_tiny_sense_voice.py OUT_DIR
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TOKENS = ['<blk>', '<|en|>', '<|NEUTRAL|>', '<|Speech|>', '<|withitn|>', '▁yes']
V = len(TOKENS)
FEAT = 560
THRESHOLD = -10.0  # log-mel of digital silence is about -15.9 (log of the fbank epsilon)

def model():
    x = helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, 'T', FEAT])
    x_length = helper.make_tensor_value_info('x_length', TensorProto.INT32, [1])
    language = helper.make_tensor_value_info('language', TensorProto.INT32, [1])
    text_norm = helper.make_tensor_value_info('text_norm', TensorProto.INT32, [1])
    logits = helper.make_tensor_value_info('logits', TensorProto.FLOAT, [1, 'U', V])
    prefix = np.full((1, 4, V), -10.0, dtype=np.float32)
    for i in range(4):
        prefix[0, i, i + 1] = 10.0
    w_yes = np.full((V,), -10.0, dtype=np.float32); w_yes[5] = 10.0
    w_blank = np.full((V,), -10.0, dtype=np.float32); w_blank[0] = 10.0
    inits = [
        numpy_helper.from_array(prefix, 'prefix'),
        numpy_helper.from_array(w_yes, 'w_yes'),
        numpy_helper.from_array(w_blank, 'w_blank'),
        numpy_helper.from_array(np.array(THRESHOLD, dtype=np.float32), 'thr'),
        numpy_helper.from_array(np.array(50.0, dtype=np.float32), 'gain'),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), 'one'),
    ]
    nodes = [
        helper.make_node('ReduceMean', ['x'], ['m'], axes=[2], keepdims=1),   # [1, T, 1]
        helper.make_node('Sub', ['m', 'thr'], ['d']),
        helper.make_node('Mul', ['d', 'gain'], ['dg']),
        helper.make_node('Sigmoid', ['dg'], ['s']),                            # 1 = sound
        helper.make_node('Sub', ['one', 's'], ['q']),
        helper.make_node('Mul', ['s', 'w_yes'], ['a']),                        # [1, T, V]
        helper.make_node('Mul', ['q', 'w_blank'], ['b']),
        helper.make_node('Add', ['a', 'b'], ['frames']),
        helper.make_node('Concat', ['prefix', 'frames'], ['logits'], axis=1),
    ]
    graph = helper.make_graph(nodes, 'tiny_sense_voice', [x, x_length, language, text_norm], [logits], initializer=inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='appliance-tests')
    m.ir_version = 8
    meta = {
        'model_type': 'sense_voice_ctc', 'comment': 'stand-in for tests', 'vocab_size': str(V), 'blank_id': '0',
        'lfr_window_size': '7', 'lfr_window_shift': '6', 'normalize_samples': '0',
        'with_itn': '14', 'without_itn': '15',
        'lang_auto': '0', 'lang_zh': '3', 'lang_en': '4', 'lang_ja': '11', 'lang_ko': '12', 'lang_yue': '7',
        'neg_mean': ','.join(['0'] * FEAT), 'inv_stddev': ','.join(['1'] * FEAT),
    }
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(m)
    return m

def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    onnx.save(model(), os.path.join(out, 'model.onnx'))
    with open(os.path.join(out, 'tokens.txt'), 'w', encoding='utf-8') as f:
        for i, t in enumerate(TOKENS):
            f.write(f'{t} {i}\n')

main()
