package io.bufkit.netty;

import io.bufkit.ByteView;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/** Views of a {@code ByteBuf}'s memory under a given lease, without copying. */
final class ByteBufMemory {

    private ByteBufMemory() {
    }

    /**
     * Views {@code buf[index, index + length)} under {@code lease}: its array when it has one, else its one
     * NIO buffer; the caller checked that the buffer is alive.
     */
    static ByteView view(Lease lease, ByteBuf buf, int index, int length, boolean mutable) {
        Objects.checkFromIndexSize(index, length, buf.capacity());
        if (mutable && buf.isReadOnly()) {
            throw new IllegalArgumentException("cannot write into read-only " + buf);
        }
        if (buf.hasArray()) {
            int at = buf.arrayOffset() + index;
            return mutable ? lease.wrapMutable(buf.array(), at, length) : lease.wrap(buf.array(), at, length);
        }
        if (buf.nioBufferCount() != 1) {
            throw new IllegalArgumentException("cannot view bytes [" + index + ", " + (index + length) + ") of "
                    + buf + " in one piece: the buffer has " + buf.nioBufferCount() + " components");
        }
        return mutable ? lease.wrapMutable(buf.nioBuffer(index, length)) : lease.wrap(buf.nioBuffer(index, length));
    }
}
