#!/usr/bin/env python3
"""Lists the MQTT 3.1.1 control packets of one direction: offset, type, flags, remaining length and its
varint size, total size. Usage: mqtt_packets.py FILE"""
import sys

NAMES = {1: "CONNECT", 2: "CONNACK", 3: "PUBLISH", 4: "PUBACK", 5: "PUBREC", 6: "PUBREL", 7: "PUBCOMP",
         8: "SUBSCRIBE", 9: "SUBACK", 10: "UNSUBSCRIBE", 11: "UNSUBACK", 12: "PINGREQ", 13: "PINGRESP",
         14: "DISCONNECT"}
data = open(sys.argv[1], "rb").read()
pos = 0
while pos < len(data):
    first, value, shift, n = data[pos], 0, 0, 0
    while True:
        b = data[pos + 1 + n]; n += 1
        value |= (b & 0x7F) << shift; shift += 7
        if b < 0x80:
            break
    total = 1 + n + value
    print(f"| {pos} | {NAMES[first >> 4]} | 0x{first & 15:x} | {value} ({n} byte{'s' if n > 1 else ''}) | {total} |")
    pos += total
assert pos == len(data), (pos, len(data))
