package io.bufkit.message;

import io.bufkit.ByteView;
import io.bufkit.MutableByteView;
import java.lang.invoke.MethodHandle;

/**
 * How one record component maps to one part of a {@link MessageLayout}, for a {@link MessageCodec}: it
 * makes the component's value from the decoded part, and gives the encoder what the part needs from the
 * component's value. A binding is made once, when the codec is built, and checks the component's type then.
 * Each kind of part has its binding; the methods that do not apply to it are never called.
 */
abstract class ComponentBinding {

    /**
     * The component's value for a decoded part.
     *
     * @param t the decoded message
     * @param level the index of the decoded level in {@code t}
     * @param part the part of the level's layout
     * @return the value, owning its bytes
     */
    abstract Object decode(LevelTape t, int level, Part part);

    /** Whether the component's value stands for a part that is present (an empty {@code Optional} does not). */
    boolean has(Object v) {
        return v != null;
    }

    /** The value of field {@code field} of the section the component holds, or null if the record leaves it out. */
    Object field(Object v, int field) {
        throw new IllegalStateException("not a section");
    }

    /**
     * Writes the fields a section record gives (not its constants, checksums or derived fields) into the
     * section in one composed call, and returns {@code true}; {@code false} for components that are not
     * section records, whose fields are written one by one.
     */
    boolean writeSection(Object v, MutableByteView section) {
        return false;
    }

    /**
     * The first field of the section record {@code v} that the encoder needs and that is {@code null} (an
     * object component, such as {@code Bytes}, left null), or -1.
     */
    int nullField(Object v) {
        return -1;
    }

    /** The bytes the component holds; null if it holds a sub-level instead. */
    ByteView bytes(Object v) {
        return null;
    }

    /** The sub-level the component holds, read with {@code layout}; null if absent. */
    LevelValues sub(Object v, MessageLayout layout, String root, LevelPath path) {
        return null;
    }

    /** The number of elements of the list the component holds. */
    int count(Object v) {
        throw new IllegalStateException("not a repeat");
    }

    /** Element {@code index} of the list the component holds. */
    LevelValues element(Object v, int index, String root, LevelPath path) {
        throw new IllegalStateException("not a repeat");
    }

    /**
     * Calls a {@code (ByteView, int)Object} handle that reads a component where its part lies, with what it
     * throws unchecked.
     */
    static Object readAt(MethodHandle decoder, LevelTape t, int level, Part part) {
        try {
            return (Object) decoder.invokeExact(t.view, t.start(level, part));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new java.lang.reflect.UndeclaredThrowableException(e);
        }
    }

    /** The value the encoder writes for a user-defined field. */
    Object value(Object v) {
        return v;
    }
}
