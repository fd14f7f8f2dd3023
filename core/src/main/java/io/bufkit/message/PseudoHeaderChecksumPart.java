package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutField;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A declaration that takes no bytes: the transport checksum of the level a part holds (TCP's or UDP's in the
 * chosen alternative) covers that level's bytes from the checksum's section on, preceded by a
 * {@link PseudoHeader} made of this level's fields. Encoding fills it in once the level is written; decoding
 * checks it if the pseudo-header says so.
 */
final class PseudoHeaderChecksumPart extends ChecksumDeclaration {
    /** UDP's protocol number, whose checksum may be 0 for none over IPv4 (RFC 768). */
    private static final int UDP = 17;

    /** A field of a section of this level: where it lies in the section. */
    record Source(SectionPart section, LayoutField field) {
        /** Where the field lies in level {@code level} of a decoded message. */
        int offsetIn(LevelTape t, int level) {
            return section.start(t, level) + field.offset();
        }

        /** Where the field was written, counted back from part {@code index} of {@code e} written at {@code at}. */
        int offsetIn(LevelEncoding e, int index, int at) {
            return e.writtenAt(section.index, index, at) + field.offset();
        }
    }

    /** A held layout's checksum over the pseudo-header: its section and field. */
    record Covered(SectionPart section, ChecksumField field) {
    }

    final Part held;
    final PseudoHeader header;
    final Source source;
    final Source destination;
    final Source protocol;
    final Map<MessageLayout, Covered> covered;

    PseudoHeaderChecksumPart(Part held, PseudoHeader header, Source source, Source destination, Source protocol,
            Map<MessageLayout, Covered> covered) {
        super("(pseudo-header checksum of " + held.name + ")");
        this.held = held;
        this.header = header;
        this.source = source;
        this.destination = destination;
        this.protocol = protocol;
        this.covered = new IdentityHashMap<>(covered);
    }

    /** The checksum a layout declares over a pseudo-header: in its first section holding one, or null. */
    static Covered coveredIn(MessageLayout layout) {
        for (Part p : layout.partList()) {
            if (p instanceof SectionPart s) {
                for (LayoutField f : s.layout.fields()) {
                    if (f instanceof ChecksumField c && c.needsPseudoHeader()) {
                        return new Covered(s, c);
                    }
                }
            }
        }
        return null;
    }

    /** The pseudo-header's bytes for {@code length} covered bytes, from the fields in {@code view}. */
    private ByteView pseudoHeader(ByteView view, int sourceAt, int destinationAt, int protocolNumber, int length) {
        int n = header.addressBytes;
        byte[] b = new byte[header.size()];
        view.slice(sourceAt, sourceAt + n).copyTo(b, 0);
        view.slice(destinationAt, destinationAt + n).copyTo(b, n);
        MutableByteView out = MutableByteView.wrap(b);
        if (n == 4) {
            out.putU8(9, protocolNumber);
            out.putU16be(10, length);
        } else {
            out.putI32be(32, length);
            out.putU8(39, protocolNumber);
        }
        return out;
    }

    /** Whether a stored 0 means that no checksum was computed: UDP over IPv4 (RFC 768). */
    private boolean zeroMeansNone(int protocolNumber) {
        return header.addressBytes == 4 && protocolNumber == UDP;
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (!header.checked) {
            return at;
        }
        int sub = t.child(level, held);
        Covered c = sub < 0 ? null : covered.get(held.levelLayout(t.ints[sub + LevelTape.TAG]));
        if (c == null) {
            return at;   // absent, or an alternative without a checksum over a pseudo-header
        }
        int from = c.section.start(t, sub);
        int to = held.end(t, level);
        ByteView bytes = t.view.slice(from, to);
        int number = t.view.u8(protocol.offsetIn(t, level));
        if (zeroMeansNone(number) && c.field.get(bytes) == 0) {
            return at;
        }
        ByteView pseudo = pseudoHeader(t.view, source.offsetIn(t, level), destination.offsetIn(t, level), number,
                to - from);
        if (!c.field.verify(pseudo, bytes)) {
            throw wrong(t, t.path(sub) + "." + c.section.name + "." + c.field.name(), from + c.field.offset(),
                    c.field, "the " + header.kind() + " and the " + (to - from) + " bytes from " + c.section.name
                    + " on", c.field.compute(pseudo, bytes), c.field.get(bytes));
        }
        return at;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        out.append(indent).append(name).append(": ").append(header).append('\n');
    }

    @Override
    String declaration() {
        return name + ": " + header;
    }

    /** Fills the checksum of the held level, written by now, over the pseudo-header and its bytes. */
    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        if (!(e.children[held.index] instanceof LevelEncoding sub)) {
            return;   // absent, or a choice's unknown alternative kept raw
        }
        Covered c = covered.get(sub.layout);
        if (c == null) {
            return;
        }
        int heldAt = e.writtenAt(held.index, index, at);
        int from = heldAt;
        for (int j = 0; j < c.section.index; j++) {
            from += sub.sizes[j];
        }
        int to = heldAt + e.sizes[held.index];
        int number = out.u8(protocol.offsetIn(e, index, at));
        ByteView pseudo = pseudoHeader(out, source.offsetIn(e, index, at), destination.offsetIn(e, index, at), number,
                to - from);
        MutableByteView bytes = out.slice(from, to);
        c.field.fill(pseudo, bytes);
        if (zeroMeansNone(number) && c.field.get(bytes) == 0) {
            bytes.putU16be(c.field.offset(), 0xFFFF);   // a computed 0 is sent as all ones (RFC 768)
        }
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.PSEUDO_HEADER_CHECKSUM, null, Set.of(), held.name, null, 0,
                -1, null, null, null, null);
    }
}
