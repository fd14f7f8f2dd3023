package io.bufkit;

import io.bufkit.layout.LayoutBuilder;
import io.bufkit.layout.PacketLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reads of {@link Reads} done through layout handles instead of the view's own methods: for a read
 * and an offset, a layout with padding up to that offset and one field of the read's type, read through
 * its typed handle. Values come back in the form of {@link Reads} ({@code long}s, floating point as raw
 * bits), so they compare with the same {@link java.nio.ByteBuffer} oracle.
 */
final class HandleReads {

    private static final Map<String, PacketLayout> LAYOUTS = new ConcurrentHashMap<>();

    private HandleReads() {
    }

    /** The layout with {@code at} bytes of padding and then field {@code "f"} of the read's type. */
    static PacketLayout layout(Reads.Read read, int at) {
        return LAYOUTS.computeIfAbsent(read.name() + "@" + at, k -> {
            LayoutBuilder b = PacketLayout.builder(k);
            if (at > 0) {
                b.padding(at);
            }
            try {
                // the builder's field methods are named like the reads: u8, i16be, ... f64le
                LayoutBuilder.class.getMethod(read.name(), String.class).invoke(b, "f");
            } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("no builder method for " + read, e);
            }
            return b.build();
        });
    }

    /** Reads field {@code "f"} at {@code at} of {@code view} through the handle of the read's type. */
    static long read(Reads.Read read, ByteView view, int at) {
        PacketLayout layout = layout(read, at);
        String name = read.name();
        if (name.startsWith("f32")) {
            return Float.floatToRawIntBits(layout.floatField("f").get(view));
        } else if (name.startsWith("f64")) {
            return Double.doubleToRawLongBits(layout.doubleField("f").get(view));
        } else if (name.startsWith("u32") || name.startsWith("i64")) {
            return layout.longField("f").get(view);
        }
        return layout.intField("f").get(view);
    }
}
