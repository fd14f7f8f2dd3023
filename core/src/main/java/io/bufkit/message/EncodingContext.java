package io.bufkit.message;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The message being encoded, as a {@link FieldKind} sees it from one of its fields: where the field starts
 * in the message and the kind's own state for the current pass of the current encode call. It is what lets
 * a kind write a field by what came before it, such as a DNS name compressed to a pointer at an earlier
 * copy of its suffix.
 *
 * <p>Encoding runs in two passes over the fields in message order, each with its own context: the size
 * pass asks {@link FieldKind#size(Object, EncodingContext)} of every field, the write pass then asks
 * {@link FieldKind#write(Object, io.bufkit.MutableByteView, EncodingContext)} of the same fields in the same
 * order at the same offsets. {@link #state} starts fresh in each pass, so a kind that decides from its
 * state, the value and the offset alone writes exactly the bytes it sized. See {@link FieldKind} for the
 * contract.
 *
 * <p>A context belongs to one encode call on one thread and must not be kept past the call it is given to.
 */
public final class EncodingContext {
    /** Per kind, its state; made when a kind first asks, so that encoding without such kinds makes none. */
    private Map<FieldKind<?>, Object> states;
    private int offset;
    private boolean offsetAsked;

    EncodingContext() {
    }

    /** Moves the context to the field that starts at {@code offset}. */
    EncodingContext at(int offset) {
        this.offset = offset;
        return this;
    }

    /** Whether a kind asked for an offset in this pass, so that the offsets must be the final ones. */
    boolean offsetAsked() {
        return offsetAsked;
    }

    /**
     * Where the field's first byte is, counted from the first byte of the whole encoded message.
     *
     * @return the field's offset in the message, at least 0
     */
    public int offset() {
        offsetAsked = true;
        return offset;
    }

    /**
     * The state {@code kind} keeps during this pass of this encode call, made by {@code fresh} the first
     * time the kind asks in the pass; later fields of the same kind, at any level of the message, get the
     * same object. The size pass and the write pass each start without state.
     *
     * @param kind the kind the state belongs to, normally {@code this} of the calling kind
     * @param fresh makes the state when the pass has none for the kind yet; must not return null
     * @param <S> the state's type
     * @return the kind's state for this pass
     */
    public <S> S state(FieldKind<?> kind, Supplier<? extends S> fresh) {
        Objects.requireNonNull(kind, "kind");
        if (states == null) {
            states = new IdentityHashMap<>();
        }
        Object s = states.get(kind);
        if (s == null) {
            s = Objects.requireNonNull(fresh.get(), "fresh state");
            states.put(kind, s);
        }
        @SuppressWarnings("unchecked")
        S state = (S) s;
        return state;
    }
}
