package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.ChecksumField;
import io.bufkit.layout.LayoutException;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * A declaration that takes no bytes: a checksum field of an earlier section of the level covers the bytes
 * from that section's first byte up to here, as IPv4's header checksum covers the fixed header and its
 * options. Decoding checks the checksum once those bytes are decoded; encoding fills it in once they are
 * written. The section itself checks only its constants.
 *
 * <p>A checksum over a pseudo-header (UDP, TCP) takes it from the enclosing level, which supplies it to the
 * part holding this level ({@link MessageBuilder#pseudoHeader}): encoding fills the checksum in from the
 * enclosing level's bytes, written before this level's; decoding verifies it only if the pseudo-header is
 * declared {@link PseudoHeader#verified()}. A level with no enclosing level has no pseudo-header: decoding
 * leaves the checksum unverified and encoding writes it as given.
 */
final class ChecksumPart extends Part {
    final SectionPart section;
    final ChecksumField field;
    /** {@code "section.field"}. */
    final String fieldPath;
    /** Whether the checksum covers a pseudo-header that the enclosing level supplies. */
    final boolean overPseudoHeader;

    ChecksumPart(SectionPart section, ChecksumField field) {
        super("(checksum " + section.name + "." + field.name() + ")");
        this.section = section;
        this.field = field;
        this.fieldPath = section.name + "." + field.name();
        this.overPseudoHeader = field.needsPseudoHeader();
    }

    /** The covered bytes start at the section's first byte. */
    @Override
    int start(LevelTape t, int level) {
        return t.ints[level + section.startSlot];
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        if (overPseudoHeader) {
            return decodeOverPseudoHeader(t, level, at);
        }
        int from = start(t, level);
        ByteView covered = t.view.slice(from, at);
        if (!field.verify(covered)) {
            throw wrong(t, level, from, at, field.compute(covered), field.get(covered), "");
        }
        return at;
    }

    /**
     * Verifies a checksum over a pseudo-header if the enclosing level supplies one declared verified; a
     * UDP checksum of 0 over IPv4 means none.
     */
    private int decodeOverPseudoHeader(LevelTape t, int level, int at) {
        int parent = t.ints[level + LevelTape.PARENT];
        if (parent < 0) {
            return at;   // no enclosing level, no pseudo-header
        }
        Part[] enclosing = t.layoutOf(parent).partArray();
        PseudoHeaderSource source = enclosing[t.ints[level + LevelTape.PARENT_PART]].pseudoHeader;
        if (source == null || !source.header.isVerified()) {
            return at;
        }
        int from = start(t, level);
        ByteView covered = t.view.slice(from, at);
        IntUnaryOperator sectionStart = i -> t.ints[parent + enclosing[i].startSlot];
        long stored = field.get(covered);
        if (stored == 0 && source.zeroMeansNone(source.protocol(t.view, sectionStart))) {
            return at;
        }
        ByteView pseudo = source.bytes(t.view, sectionStart, at - from);
        if (!field.verify(pseudo, covered)) {
            throw wrong(t, level, from, at, field.compute(pseudo, covered), stored, " and the pseudo-header");
        }
        return at;
    }

    private LayoutException wrong(LevelTape t, int level, int from, int at, long computed, long stored,
            String over) {
        String expected = hex(computed);
        String actual = hex(stored);
        return t.fail(t.pathOf(level, section) + "." + field.name(), from + field.offset(), "checksum over the "
                + (at - from) + " bytes from " + section.name + " to here" + over + " is wrong: expected "
                + expected + " but was " + actual, expected, actual);
    }

    private String hex(long value) {
        String h = Long.toHexString(value);
        return "0x" + "0".repeat(Math.max(0, 2 * field.width() - h.length())) + h;
    }

    @Override
    void describe(Message m, int index, StringBuilder out, String indent) {
        int from = m.start(index);
        int to = m.end(index);
        out.append(indent).append(name).append(": over ").append(to - from).append(" bytes from @").append(from)
                .append(" to @").append(to).append('\n');
    }

    @Override
    String declaration() {
        return name + ": covers " + section.name + " up to here";
    }

    @Override
    void putValue(Message m, int index, Map<String, Object> into) {
        // takes no bytes and has no value; its field holds the checksum
    }

    @Override
    int size(LevelEncoding e, int index) {
        return 0;
    }

    /**
     * Fills the checksum over the bytes written from the section's first byte up to {@code at}, over the
     * pseudo-header the enclosing level supplies if the checksum needs one (written as given without it).
     */
    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        int from = at;
        for (int j = section.index; j < index; j++) {
            from -= e.sizes[j];
        }
        if (!overPseudoHeader) {
            field.fill(out.slice(from, at));
            return;
        }
        LevelEncoding parent = e.parent();
        int holder = parent == null ? -1 : parent.partHolding(e);
        PseudoHeaderSource source = holder < 0 ? null : parent.layout.partArray()[holder].pseudoHeader;
        if (source == null) {
            return;   // no pseudo-header: the checksum stays as given
        }
        int levelStart = from;
        for (int j = 0; j < section.index; j++) {
            levelStart -= e.sizes[j];
        }
        // the level starts where the part holding it does; the enclosing level's sections come before it
        int holderStart = levelStart;
        IntUnaryOperator sectionStart = i -> {
            int s = holderStart;
            for (int j = i; j < holder; j++) {
                s -= parent.sizes[j];
            }
            return s;
        };
        MutableByteView covered = out.slice(from, at);
        ByteView pseudo = source.bytes(out, sectionStart, at - from);
        long sum = field.compute(pseudo, covered);
        if (sum == 0 && source.protocol(out, sectionStart) == PseudoHeaderSource.UDP) {
            sum = 0xFFFF;   // RFC 768: a computed 0 is sent as all ones, as 0 means none
        }
        covered.putU16be(field.offset(), (int) sum);
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.CHECKSUM, null, Set.of(), fieldPath, null, 0, -1, null, null,
                null, null);
    }
}
