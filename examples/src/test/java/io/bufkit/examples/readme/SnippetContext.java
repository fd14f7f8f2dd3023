package io.bufkit.examples.readme;

import io.bufkit.ByteView;
import io.bufkit.Bytes;
import io.bufkit.tlv.TlvDecoder;
import io.bufkit.tlv.TlvHandler;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * The names README snippets use without declaring them: a statement or member snippet is compiled in a
 * subclass of this class, so it can read from {@code channel}, feed {@code decoder} and so on. A snippet
 * only has to compile, it is never run, so nothing here holds a real resource.
 *
 * <p>When a new snippet needs another undeclared name, add it here with the type the prose implies.
 */
public abstract class SnippetContext {

    /** A reused read buffer, as in the quick start. */
    protected byte[] readBuffer = new byte[65536];

    /** A read buffer, as in the TLV section. */
    protected byte[] buf = new byte[8192];

    /** The number of bytes the last read returned. */
    protected int n;

    /** A socket or file channel to read from. */
    protected ReadableByteChannel channel;

    /** A stream to read from. */
    protected InputStream in;

    /** A TLV decoder set up elsewhere. */
    protected TlvDecoder decoder;

    /** What receives the decoded frames. */
    protected TlvHandler handler;

    /** A file shared by several processes, as in the "Shared memory" section. */
    protected Path counterFile;

    /** Many small borrowed views, as in "Keeping many small copies". */
    protected ByteView[] views = new ByteView[0];

    /** An IPv4 packet from the wire, as in the transport checksums paragraph. */
    protected ByteView packet = ByteView.empty();

    /**
     * The bytes of one packet as they came off a socket.
     *
     * @return 24 bytes
     */
    protected byte[] socketBytes() {
        return new byte[24];
    }

    /**
     * Uses a value read from a frame.
     *
     * @param type the frame type
     * @param value a number read from the frame's value
     */
    protected void handle(int type, int value) {
    }

    /**
     * Keeps an owned copy beyond the frame.
     *
     * @param value the copy
     */
    protected void keep(Bytes value) {
    }
}
