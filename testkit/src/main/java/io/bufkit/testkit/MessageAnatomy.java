package io.bufkit.testkit;

import io.bufkit.ByteView;
import io.bufkit.layout.IntField;
import io.bufkit.message.Message;
import io.bufkit.message.MessageLayout;
import io.bufkit.message.MessagePart;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a valid encoded message keeps what a hostile peer changes: its counts and lengths (the derived
 * fields of sections, derived varints such as a remaining length, and the length prefixes of byte parts)
 * and its terminators, found by decoding it.
 */
record MessageAnatomy(byte[] wire, List<Spot> lengths, List<VarintSpot> varints, List<PrefixSpot> prefixes,
        List<Integer> terminators) {

    /** A derived field: the offset of its section in the whole message, and its handle. */
    record Spot(int section, IntField field) {
    }

    /** A derived varint: where its bytes start and end in the whole message. */
    record VarintSpot(int start, int end) {
    }

    /**
     * The length prefix of a byte part: where it starts in the whole message, its width, and whether it is
     * signed with -1 for NULL (a nullable part) rather than unsigned.
     */
    record PrefixSpot(int start, int width, boolean nullable) {
    }

    static MessageAnatomy of(MessageLayout layout, byte[] wire) {
        MessageAnatomy a = new MessageAnatomy(wire, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        a.walk(layout, layout.decode(ByteView.wrap(wire)));
        return a;
    }

    private void walk(MessageLayout layout, Message m) {
        for (MessagePart p : layout.parts()) {
            String name = p.name();
            switch (p.kind()) {
                case SECTION, FIXED_FIELD -> {
                    for (String field : p.derivedFields()) {
                        lengths.add(new Spot(m.start(name), p.section().intField(field)));
                    }
                }
                case VARINT -> {
                    if (!p.derivedFields().isEmpty()) {
                        varints.add(new VarintSpot(m.start(name), m.end(name)));
                    }
                }
                case PREFIXED_BYTES, NULLABLE_BYTES -> prefixes.add(new PrefixSpot(m.start(name) - p.prefixWidth(),
                        p.prefixWidth(), p.kind() == MessagePart.Kind.NULLABLE_BYTES));
                case NUL_TERMINATED_BYTES -> terminators.add(m.end(name) - 1);
                case COUNTED_REPEAT, NULLABLE_REPEAT, REPEAT_UNTIL, REPEAT_TO_END, SIZED_REPEAT -> {
                    for (int i = 0; i < m.count(name); i++) {
                        walk(p.body(), m.element(name, i));
                    }
                    if (p.kind() == MessagePart.Kind.REPEAT_UNTIL) {
                        terminators.add(m.end(name) - 1);
                    }
                }
                case WHEN, CHOICE, SIZED, NESTED -> {
                    if (m.isPresent(name)) {
                        walk(m.sub(name).layout(), m.sub(name));
                    }
                }
                default -> {
                }
            }
        }
    }
}
