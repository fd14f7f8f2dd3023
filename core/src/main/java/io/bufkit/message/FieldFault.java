package io.bufkit.message;

/**
 * Thrown by a {@link FieldKind} for bytes that are not a well-formed field; the message layout rethrows
 * it as a {@link io.bufkit.layout.LayoutException} with the layout's name and the field's path.
 */
public final class FieldFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where in the message the problem is. */
    private final int offset;

    /**
     * Creates a fault.
     *
     * @param offset where in the whole message the problem is
     * @param why what is wrong, for people
     */
    public FieldFault(int offset, String why) {
        super(why, null, false, false);
        this.offset = offset;
    }

    /**
     * Where in the whole message the problem is.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }
}
