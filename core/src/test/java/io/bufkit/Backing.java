package io.bufkit;

import java.nio.ByteBuffer;

/**
 * The kinds of memory a view can be created over, for tests that must hold on every one of them.
 * Each backing allocates {@link Memory}: a writable {@link ByteBuffer} giving the test direct access to
 * the same bytes, and a factory for views over a range of them.
 */
enum Backing {
    HEAP_ARRAY(true, false) {
        @Override
        Memory allocate(int size) {
            byte[] array = new byte[size];
            return new Memory(this, ByteBuffer.wrap(array)) {
                @Override
                ByteView view(int from, int to, Lease lease, boolean mutable) {
                    if (lease == null) {
                        return mutable ? MutableByteView.wrap(array, from, to - from) : ByteView.wrap(array, from, to - from);
                    }
                    return mutable ? lease.wrapMutable(array, from, to - from) : lease.wrap(array, from, to - from);
                }
            };
        }
    },
    HEAP_BUFFER(true, false) {
        @Override
        Memory allocate(int size) {
            return overBuffer(this, ByteBuffer.wrap(new byte[size]), false);
        }
    },
    HEAP_BUFFER_WITH_ARRAY_OFFSET(true, false) {
        @Override
        Memory allocate(int size) {
            ByteBuffer sliced = ByteBuffer.wrap(new byte[size + 3], 3, size).slice();
            return overBuffer(this, sliced, false);
        }
    },
    READ_ONLY_HEAP_BUFFER(false, false) {
        @Override
        Memory allocate(int size) {
            return overBuffer(this, ByteBuffer.wrap(new byte[size]), true);
        }
    },
    DIRECT_BUFFER(true, true) {
        @Override
        Memory allocate(int size) {
            return overBuffer(this, ByteBuffer.allocateDirect(size), false);
        }
    },
    DIRECT_BUFFER_SLICE(true, true) {
        @Override
        Memory allocate(int size) {
            ByteBuffer sliced = ByteBuffer.allocateDirect(size + 3).position(3).slice();
            return overBuffer(this, sliced, false);
        }
    },
    READ_ONLY_DIRECT_BUFFER(false, true) {
        @Override
        Memory allocate(int size) {
            return overBuffer(this, ByteBuffer.allocateDirect(size), true);
        }
    };

    /** Whether writable views can be made over this backing. */
    final boolean writable;
    /** Whether the memory is off-heap. */
    final boolean direct;

    Backing(boolean writable, boolean direct) {
        this.writable = writable;
        this.direct = direct;
    }

    /** Allocates {@code size} bytes of this kind of memory, all zero. */
    abstract Memory allocate(int size);

    /** Allocates memory holding {@code content} at {@code at}, with every other byte set to {@code 0x5A}. */
    final Memory holding(byte[] content, int at, int size) {
        Memory m = allocate(size);
        for (int i = 0; i < size; i++) {
            m.raw.put(i, (byte) 0x5A);
        }
        m.raw.put(at, content);
        return m;
    }

    private static Memory overBuffer(Backing backing, ByteBuffer buffer, boolean readOnly) {
        return new Memory(backing, buffer) {
            @Override
            ByteView view(int from, int to, Lease lease, boolean mutable) {
                ByteBuffer b = (readOnly ? buffer.asReadOnlyBuffer() : buffer.duplicate()).position(from).limit(to);
                if (lease == null) {
                    return mutable ? MutableByteView.wrap(b) : ByteView.wrap(b);
                }
                return mutable ? lease.wrapMutable(b) : lease.wrap(b);
            }
        };
    }

    /** Memory of one backing: raw access plus views over ranges of it. */
    abstract static class Memory {
        final Backing backing;
        /** Writable access to the same bytes, index 0 being the memory's first byte. */
        final ByteBuffer raw;

        Memory(Backing backing, ByteBuffer raw) {
            this.backing = backing;
            this.raw = raw;
        }

        /**
         * A view over {@code [from, to)} of the memory, under {@code lease} ({@code null}: the static
         * {@code wrap} factories and the unbounded lease).
         */
        abstract ByteView view(int from, int to, Lease lease, boolean mutable);

        /** A copy of {@code [from, to)} read through the raw buffer. */
        final byte[] bytes(int from, int to) {
            byte[] out = new byte[to - from];
            raw.get(from, out);
            return out;
        }
    }
}
