package io.bufkit.testkit;

import io.bufkit.Bytes;
import io.bufkit.layout.LayoutBuilder;
import io.bufkit.layout.PacketLayout;
import io.bufkit.layout.WireType;
import java.util.List;

/**
 * The description of a random layout that {@link PacketLayouts#layouts(int)} generates and shrinks, and
 * builds into a {@link PacketLayout}.
 */
record LayoutSpec(List<Field> fields, Options options) {

    /** A field's width and number of named bits, and the padding before it. */
    record Shape(int width, int bitNames, int paddingBefore) {
        Shape(int width, int bitNames) {
            this(width, bitNames, 0);
        }

        Shape withPadding(int padding) {
            return new Shape(width, bitNames, padding);
        }
    }

    /** One field: its type, width, named bits, the padding before it, and its constant or null. */
    record Field(WireType type, int width, int bitNames, int paddingBefore, Object constant, List<Integer> bitWidths) {
    }

    /** Whether fields are declared in a shuffled order at explicit offsets. */
    record Order(boolean shuffled, long seed) {
    }

    /** Whether the size is declared, and the padding after the last field. */
    record End(boolean declareSize, int trailingPadding) {
    }

    /** Layout-wide choices. */
    record Options(Order order, End end) {
    }

    PacketLayout build() {
        int n = fields.size();
        int[] offsets = new int[n];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            offset += fields.get(i).paddingBefore();
            offsets[i] = offset;
            offset += fields.get(i).width();
        }
        int end = offset + options.end().trailingPadding();
        LayoutBuilder b = PacketLayout.builder("random");
        if (options.order().shuffled()) {
            for (int i : PacketLayouts.permutation(n, options.order().seed())) {
                Field f = fields.get(i);
                if (f.paddingBefore() > 0) {
                    b.at(offsets[i] - f.paddingBefore()).padding(f.paddingBefore());
                }
                declare(b.at(offsets[i]), i, f);
            }
            if (end > offset) {
                b.at(offset).padding(end - offset);
            }
        } else {
            for (int i = 0; i < n; i++) {
                Field f = fields.get(i);
                if (f.paddingBefore() > 0) {
                    b.padding(f.paddingBefore());
                }
                declare(b, i, f);
            }
            if (end > offset) {
                b.padding(end - offset);
            }
        }
        if (options.end().declareSize()) {
            b.size(end);
        }
        return b.build();
    }

    private static void declare(LayoutBuilder b, int index, Field f) {
        String name = "f" + index + "_" + f.type().typeName();
        String[] bits = new String[f.bitNames()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = "bit" + i;
        }
        WireType type = f.type();
        if (type.isBitField()) {
            for (int j = 0; j < f.bitWidths().size(); j++) {
                b.bitField(name + "_" + j, type, f.bitWidths().get(j));
                if (j == 0 && f.constant() instanceof Long l) {
                    b.expect(l);
                }
            }
            return;
        }
        if (type == WireType.BYTES) {
            b.bytes(name, f.width());
        } else if (type.handleType() == io.bufkit.layout.FlagsField.class) {
            b.flags(name, type, bits);
        } else {
            b.field(name, type);
        }
        Object c = f.constant();
        if (c instanceof Long l) {
            b.expect(l);
        } else if (c instanceof Double d) {
            b.expect(d);
        } else if (c instanceof Bytes bytes) {
            b.expect(bytes);
        }
    }
}
