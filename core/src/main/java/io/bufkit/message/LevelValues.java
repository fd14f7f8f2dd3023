package io.bufkit.message;

import io.bufkit.ByteView;

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
     * The sub-level of a conditional part or of a choice's alternative, read with {@code layout};
     * {@code null} if absent or not a level.
     */
    LevelValues sub(int part, MessageLayout layout);

    /** The number of elements of a repeat, or -1 if not given. */
    int count(int part);

    /** Element {@code index} of a repeat, read with {@code layout}. */
    LevelValues element(int part, int index, MessageLayout layout);

    /** The value of a user-defined field. */
    Object value(int part);
}
