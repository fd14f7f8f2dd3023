package io.bufkit.layout;

/** How a fixed-length text field fills the bytes its text does not use. */
public enum TextPadding {
    /** NUL bytes after the text, as C strings in fixed buffers (tar names, pcapng strings); reads stop at the first NUL. */
    NUL((byte) 0),
    /** Spaces after the text (IBM record formats, FITS keywords); reads drop trailing spaces. */
    SPACE((byte) ' ');

    final byte fill;

    TextPadding(byte fill) {
        this.fill = fill;
    }
}
