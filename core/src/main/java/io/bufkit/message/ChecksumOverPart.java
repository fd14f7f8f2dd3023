package io.bufkit.message;

import io.bufkit.MutableByteView;
import io.bufkit.layout.ChecksumField;
import java.util.Set;

/**
 * A declaration that takes no bytes: a checksum field of a section covers the parts from one part through
 * another, which do not hold the field, as the CRC-32C of a Kafka record batch covers the batch from its
 * attributes to its end and PNG's chunk CRC, trailing the chunk, its type and data. Decoding checks it once
 * the field and the covered parts are decoded; encoding fills it in once they are written. The section
 * itself checks only its constants.
 */
final class ChecksumOverPart extends ChecksumDeclaration {
    final SectionPart section;
    final ChecksumField field;
    /** The first part covered. */
    final Part first;
    /** The last part covered. */
    final Part last;
    /** {@code "section.field"}. */
    final String fieldPath;

    ChecksumOverPart(SectionPart section, ChecksumField field, Part first, Part last) {
        super("(checksum " + section.name + "." + field.name() + " over " + first.name
                + (first == last ? "" : " to " + last.name) + ")");
        this.section = section;
        this.field = field;
        this.first = first;
        this.last = last;
        this.fieldPath = section.name + "." + field.name();
    }

    /** The covered bytes start where the first covered part does, its prefix included. */
    @Override
    int start(LevelTape t, int level) {
        return t.ints[level + first.startSlot];
    }

    /** The covered bytes end where the last covered part does, its terminator included. */
    @Override
    int end(LevelTape t, int level) {
        return t.ints[level + last.slot];
    }

    @Override
    int decode(LevelTape t, int level, int at, int limit) {
        int from = start(t, level);
        int to = end(t, level);
        int sectionStart = t.ints[level + section.startSlot];
        long expected = field.computeApart(t.view.slice(from, to));
        long stored = field.get(t.view.slice(sectionStart, sectionStart + section.layout.size()));
        if (expected != stored) {
            throw wrong(t, t.pathOf(level, section) + "." + field.name(), sectionStart + field.offset(), field,
                    "the " + (to - from) + " bytes of " + coverage(), expected, stored);
        }
        return at;
    }

    /** The covered parts, for people: {@code "attributes to records"}. */
    private String coverage() {
        return first == last ? first.name : first.name + " to " + last.name;
    }

    @Override
    String declaration() {
        return name + ": covers " + coverage();
    }

    /** Fills the checksum in over the covered parts, all written by now, as is the section. */
    @Override
    void write(LevelEncoding e, int index, MutableByteView out, int at) {
        int from = e.writtenAt(first.index, index, at);
        int to = e.writtenAt(last.index, index, at) + e.sizes[last.index];
        int sectionAt = e.writtenAt(section.index, index, at);
        field.set(out.slice(sectionAt, sectionAt + section.layout.size()), field.computeApart(out.slice(from, to)));
    }

    @Override
    MessagePart describePart(Set<String> derived) {
        return new MessagePart(name, MessagePart.Kind.CHECKSUM_OVER, null, Set.of(), fieldPath, null, 0, -1, null,
                null, null, null);
    }
}
