#!/usr/bin/env python3
"""Writes messages/NN.txt (protobuf text format) and NN.pb (`protoc --encode` output) for each target size."""
import os, subprocess

TARGETS = [("01", None), ("02", 127), ("03", 128), ("04", 300), ("05", 16383), ("06", 16384)]
os.makedirs("messages", exist_ok=True)

def text(tag, body_len):
    return (f'id: {int(tag)}\ntitle: "note {tag}"\nbody: "{"b" * body_len}"\ntags: "capture"\ntags: "bufkit"\n'
            f'delta: -{int(tag) * 1000}\nstamp: 1796378817000000\nauthor {{ name: "psql" active: true }}\n'
            f'counts: [1, 127, 128, 16384]\n')

def encode(t):
    return subprocess.run(["protoc", "--encode=bufkit.capture.Note", "note.proto"], input=t.encode(),
                          check=True, capture_output=True).stdout

for tag, target in TARGETS:
    n = 0 if target is None else max(0, target - len(encode(text(tag, 0))) - 2)
    while target is not None and len(encode(text(tag, n))) < target:
        n += 1
    while target is not None and len(encode(text(tag, n))) > target:
        n -= 1
    t = text(tag, n)
    data = encode(t)
    assert target is None or len(data) == target, (tag, len(data))
    open(f"messages/{tag}.txt", "w").write(t)
    open(f"messages/{tag}.pb", "wb").write(data)
    print(tag, len(data))
