// Frames the protoc-encoded messages with protobufjs' encodeDelimited (varint length + message) into
// one stream, after checking that protobufjs re-encodes each message to exactly the bytes protoc wrote.
const fs = require("fs");
const protobuf = require("protobufjs");
const root = protobuf.loadSync("note.proto");
const Note = root.lookupType("bufkit.capture.Note");
const names = fs.readdirSync("messages").filter((n) => n.endsWith(".pb")).sort();
const writer = protobuf.Writer.create();
for (const name of names) {
  const encoded = fs.readFileSync("messages/" + name);
  const note = Note.decode(encoded);
  const again = Buffer.from(Note.encode(note).finish());
  if (!again.equals(encoded)) throw new Error(name + ": protobufjs re-encoding differs from protoc");
  Note.encodeDelimited(note, writer);
}
const stream = Buffer.from(writer.finish());
fs.writeFileSync("delimited.bin", stream);
// read it back with decodeDelimited
const reader = protobuf.Reader.create(stream);
let count = 0;
while (reader.pos < reader.len) {
  const start = reader.pos;
  const note = Note.decodeDelimited(reader);
  console.log(`message ${++count} at offset ${start}: id ${note.id}, ${reader.pos - start} bytes framed`);
}
console.log(`delimited.bin: ${stream.length} bytes, ${count} messages, protobufjs ${require("protobufjs/package.json").version}`);
