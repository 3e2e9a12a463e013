#!/usr/bin/python3
"""Writes a tiny stand-in streaming (LSTM-type) transducer for the online recognizer / keyword spotter
tests: OUT_DIR/{encoder,decoder,joiner}.onnx, tokens.txt, keywords.txt.

Interfaces as sherpa-onnx's online-lstm-transducer-model.cc (v1.13.4) drives them:
  encoder: x (float [N, 32, 80] fbank chunk), h (float [1, N, 1]), c (float [1, N, 1])
           -> encoder_out (float [N, 8, 1]), next_h, next_c; metadata model_type=lstm,
           num_encoder_layers=1, T=32, decode_chunk_len=32, rnn_hidden_size=1, d_model=1
  decoder: y (int64 [N, 2]) -> decoder_out (float [N, 1]); metadata vocab_size, context_size=2
  joiner:  encoder_out (float [N, 1]), decoder_out (float [N, 1]) -> logit (float [N, vocab])
Each encoder frame (4 fbank frames) is "sound" when its mean log-mel is above the digital-silence
floor; encoder_out is 1 at the first sound frame after silence (an onset; h carries the previous
frame's state across chunks) and the joiner then emits "yes". So A + silence + B reads "yes yes".

Usage: /usr/bin/python3 make_tiny_streaming_transducer.py OUT_DIR
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

TOKENS = ['<blk>', '<unk>', '▁YES']
V = len(TOKENS)
THRESHOLD = -10.0

def save(graph, path, meta):
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='appliance-tests')
    m.ir_version = 8
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key, e.value = k, v
    onnx.checker.check_model(m)
    onnx.save(m, path)

def c(name, value, dtype=np.float32):
    return numpy_helper.from_array(np.array(value, dtype=dtype), name)

def encoder(path):
    x = helper.make_tensor_value_info('x', TensorProto.FLOAT, ['N', 32, 80])
    h = helper.make_tensor_value_info('h', TensorProto.FLOAT, [1, 'N', 1])
    cc = helper.make_tensor_value_info('c', TensorProto.FLOAT, [1, 'N', 1])
    out = helper.make_tensor_value_info('encoder_out', TensorProto.FLOAT, ['N', 8, 1])
    nh = helper.make_tensor_value_info('next_h', TensorProto.FLOAT, [1, 'N', 1])
    nc = helper.make_tensor_value_info('next_c', TensorProto.FLOAT, [1, 'N', 1])
    inits = [c('thr', THRESHOLD), c('gain', 50.0), c('one', 1.0),
             c('shape4', [-1, 8, 4], np.int64), c('shape_col', [-1, 8, 1], np.int64),
             c('perm_h_shape', [-1, 1, 1], np.int64), c('state_shape', [1, -1, 1], np.int64),
             c('s0', [0], np.int64), c('s7', [7], np.int64), c('s8', [8], np.int64), c('ax1', [1], np.int64)]
    nodes = [
        helper.make_node('ReduceMean', ['x'], ['m'], axes=[2], keepdims=0),           # [N, 32]
        helper.make_node('Reshape', ['m', 'shape4'], ['m4']),                          # [N, 8, 4]
        helper.make_node('ReduceMean', ['m4'], ['f'], axes=[2], keepdims=1),          # [N, 8, 1]
        helper.make_node('Sub', ['f', 'thr'], ['d']),
        helper.make_node('Mul', ['d', 'gain'], ['dg']),
        helper.make_node('Sigmoid', ['dg'], ['s']),                                    # sound, [N, 8, 1]
        helper.make_node('Transpose', ['h'], ['hn'], perm=[1, 0, 2]),                  # [N, 1, 1] previous frame
        helper.make_node('Slice', ['s', 's0', 's7', 'ax1'], ['s_head']),               # [N, 7, 1]
        helper.make_node('Concat', ['hn', 's_head'], ['prev'], axis=1),                # [N, 8, 1]
        helper.make_node('Sub', ['one', 'prev'], ['was_silent']),
        helper.make_node('Mul', ['s', 'was_silent'], ['encoder_out']),                 # onset
        helper.make_node('Slice', ['s', 's7', 's8', 'ax1'], ['s_last']),               # [N, 1, 1]
        helper.make_node('Transpose', ['s_last'], ['next_h'], perm=[1, 0, 2]),         # [1, N, 1]
        helper.make_node('Identity', ['c'], ['next_c']),
    ]
    save(helper.make_graph(nodes, 'enc', [x, h, cc], [out, nh, nc], initializer=inits), path,
         {'model_type': 'lstm', 'num_encoder_layers': '1', 'T': '32', 'decode_chunk_len': '32',
          'rnn_hidden_size': '1', 'd_model': '1'})

def decoder(path):
    y = helper.make_tensor_value_info('y', TensorProto.INT64, ['N', 2])
    out = helper.make_tensor_value_info('decoder_out', TensorProto.FLOAT, ['N', 1])
    nodes = [
        helper.make_node('Cast', ['y'], ['yf'], to=TensorProto.FLOAT),
        helper.make_node('ReduceMean', ['yf'], ['ym'], axes=[1], keepdims=1),          # [N, 1]
        helper.make_node('Mul', ['ym', 'zero'], ['decoder_out']),                      # context ignored
    ]
    save(helper.make_graph(nodes, 'dec', [y], [out], initializer=[c('zero', 0.0)]), path,
         {'vocab_size': str(V), 'context_size': '2'})

def joiner(path):
    e = helper.make_tensor_value_info('encoder_out', TensorProto.FLOAT, ['N', 1])
    d = helper.make_tensor_value_info('decoder_out', TensorProto.FLOAT, ['N', 1])
    out = helper.make_tensor_value_info('logit', TensorProto.FLOAT, ['N', V])
    w = np.array([-20.0, 0.0, 20.0], dtype=np.float32)   # onset: YES wins; else blank
    b = np.array([10.0, -30.0, -10.0], dtype=np.float32)
    nodes = [
        helper.make_node('Add', ['encoder_out', 'decoder_out'], ['z']),
        helper.make_node('Mul', ['z', 'w'], ['zw']),
        helper.make_node('Add', ['zw', 'b'], ['logit']),
    ]
    save(helper.make_graph(nodes, 'join', [e, d], [out],
                           initializer=[numpy_helper.from_array(w, 'w'), numpy_helper.from_array(b, 'b')]), path, {})

def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    encoder(os.path.join(out, 'encoder.onnx'))
    decoder(os.path.join(out, 'decoder.onnx'))
    joiner(os.path.join(out, 'joiner.onnx'))
    with open(os.path.join(out, 'tokens.txt'), 'w', encoding='utf-8') as f:
        for i, t in enumerate(TOKENS):
            f.write(f'{t} {i}\n')
    with open(os.path.join(out, 'keywords.txt'), 'w', encoding='utf-8') as f:
        f.write('▁YES @YES\n')

main()
