#!/usr/bin/env python3
"""Counts the lines of each protocol's parser: the examples' layouts, records and field-reading code against
the hand-written ByteView parsers of the same fields; then the layouts plus their record codecs against
hand-written parsers into the same records. A counted line is non-blank, not a comment line (starting with
//, /*, * or */) and not a package or import line. Run from the repository root."""
import re

EX = "examples/src/main/java/io/bufkit/examples/"
BM = "benchmarks/src/main/java/io/bufkit/benchmarks/message/"
READS = BM + "LayoutReads.java"
RECORD_READS = BM + "RecordReads.java"


def lines(path, start=None, stop=None):
    text = open(path).read().splitlines()
    if start:
        first = next(i for i, l in enumerate(text) if re.search(start, l))
        last = next((i for i, l in enumerate(text) if i > first and stop and re.search(stop, l)), len(text) - 1)
        text = text[first:last]
    return sum(1 for l in text if l.strip() and not re.match(r"\s*(//|/\*|\*|\*/)", l)
               and not re.match(r"(package|import) ", l))


rows = [
    ("IPv4/UDP/TCP (+ICMP)", [EX + "Ipv4Packet.java"], [], [EX + "Ipv4.java"],
     (r"static void ipv4Tcp", r"static void dns"), BM + "HandIpv4Tcp.java", BM + "HandIpv4Records.java"),
    ("DNS", [EX + "DnsMessage.java"], [EX + "DnsName.java", EX + "NameCompression.java"], [EX + "Dns.java"],
     (r"static void dns", r"static void postgres"), BM + "HandDns.java", BM + "HandDnsRecords.java"),
    ("PostgreSQL bodies", [EX + "PostgresMessage.java"], [], [EX + "Postgres.java"],
     (r"static void postgres", r"static void mqtt"), BM + "HandPostgres.java", BM + "HandPostgresRecords.java"),
    ("MQTT (every packet type)", [EX + "MqttPacket.java"], [], [EX + "Mqtt.java"],
     (r"static void mqtt", None), BM + "HandMqtt.java", BM + "HandMqttRecords.java"),
]
print("| protocol | layouts | user field kinds (decode and encode) | records | reading the fields via `Message` "
      "| hand-written parser | layouts / hand | (layouts + reading) / hand | (layouts + kinds + reading) / hand |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
into_records = []
for name, layouts, kinds, records, (start, stop), hand, hand_records in rows:
    lay = sum(lines(f) for f in layouts)
    kind = sum(lines(f) for f in kinds)
    rec = sum(lines(f) for f in records)
    read = lines(READS, start, stop)
    h = lines(hand)
    print(f"| {name} | {lay} | {kind} | {rec} | {read} | {h} | {lay / h:.2f} | {(lay + read) / h:.2f} "
          f"| {(lay + kind + read) / h:.2f} |")
    codec = sum(len(re.findall(r"MessageCodec\.of\(|\.withDecoder\(", open(f).read())) for f in records)
    into_records.append((name, lay, codec, kind, lines(hand_records)))

print()
print("| protocol | layouts | `MessageCodec.of` and `withDecoder` lines | user field kinds | hand-written parser into the same records "
      "| (layouts + codec lines) / hand | (layouts + codec lines + kinds) / hand |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, lay, codec, kind, h in into_records:
    print(f"| {name} | {lay} | {codec} | {kind} | {h} | {(lay + codec) / h:.2f} | {(lay + codec + kind) / h:.2f} |")
