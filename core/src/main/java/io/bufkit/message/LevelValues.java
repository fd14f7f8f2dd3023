package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;

/**
 * The values of one level of a message (the message itself, a repeat's element, a conditional part or a
 * chosen alternative) as the encoder reads them, by part index of the level's {@link MessageLayout}. The
 * encoder reads every value through this interface: {@link MapLevelValues} implements it over the generic
 * {@code Map} value model; a typed codec implements it over its own objects and reuses the encoder.
 *
 * <p>Parts are indexed as declared; fields of a section as in its {@link io.bufkit.layout.PacketLayout#fields()}.
 * Methods throw {@link IllegalArgumentException} naming the part's path when a value has the wrong shape.
 */
interface LevelValues {
    /** Whether a value is given for the part; a user field may be given as {@code null}. */
    boolean has(int part);

    /** The value of field {@code field} of section {@code part}, or {@code null} if not given. */
    Object field(int part, int field);

    /** The bytes of a byte part or of a sized choice kept raw; {@code null} if not given or not bytes. */
    ByteView bytes(int part);

    /**
     * The sub-level of a conditional part or of a choice's alternative, read with {@code layout}, which
     * lies at {@code path}; {@code null} if absent or not a level.
     */
    LevelValues sub(int part, MessageLayout layout, LevelPath path);

    /** The number of elements of a repeat, or -1 if not given. */
    int count(int part);

    /** Element {@code index} of a repeat, read with {@code layout}, which lies at {@code path}. */
    LevelValues element(int part, int index, MessageLayout layout, LevelPath path);

    /** The value of a user-defined field. */
    Object value(int part);

    /**
     * Writes every field of section {@code part} that the values give, in one call, and returns
     * {@code true}; or returns {@code false} and the encoder writes them one by one through
     * {@link #field}. Only values whose sections give every field the encoder needs (records, checked
     * when bound, see {@link #nullField}) write them this way.
     */
    default boolean writeSection(int part, MutableByteView section) {
        return false;
    }

    /**
     * For values that {@linkplain #writeSection write sections}: the first field of section {@code part}
     * the encoder needs whose value is {@code null}, or -1. Other values, and a section not given, return
     * -3, and the encoder asks {@link #field} for each field.
     */
    default int nullField(int part) {
        return -3;
    }
}
