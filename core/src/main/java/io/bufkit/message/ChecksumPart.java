package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import io.bufkit.layout.ChecksumField;
import java.util.Set;

/**
 * A declaration that takes no bytes: a checksum field of an earlier section of the level covers the bytes
 * from that section's first byte up to here, as IPv4's header checksum covers the fixed header and its
 * options. Decoding checks the checksum once those bytes are decoded; encoding fills it in once they are
 * written. The section itself checks only its constants.
 */
final class ChecksumPart extends ChecksumDeclaration {
    final SectionPart section;
    final ChecksumField field;
    /** {@code "section.field"}. */
    final String fieldPath;

    ChecksumPart(SectionPart section, ChecksumField field) {
        super("(checksum " + section.name + "." + field.name() + ")");
        this.section = section;
        this.field = field;
        this.fieldPath = section.name + "." + field.name();
    }

    /** The covered bytes start at the section's first byte. */
    @Override
    int start(LevelTape t, int level) {
        return t.ints[level + section.startSlot];
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        int from = start(t, level);
        ByteView covered = t.view.slice(from, at);
        if (!field.verify(covered)) {
            throw wrong(t, t.pathOf(level, section) + "." + field.name(), from + field.offset(), field, "the "
                    + (at - from) + " bytes from " + section.name + " to here", field.compute(covered),
                    field.get(covered));
        }
        return at;
    }

    @Override
    String declaration() {
        return name + ": covers " + section.name + " up to here";
    }

    /** Fills the checksum over the bytes written from the section's first byte up to {@code at}. */
    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        field.fill(out.slice(e.writtenAt(section.index, index, at), at));
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.CHECKSUM, null, Set.of(), fieldPath, null, 0, -1, null, null,
                null, null);
    }
}
