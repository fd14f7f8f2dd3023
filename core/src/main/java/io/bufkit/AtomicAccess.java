package io.bufkit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The implementation of the atomic and ordered accesses of {@link MutableByteView}, through
 * {@link VarHandle}s: {@link MethodHandles#byteBufferViewVarHandle} for views over a direct or mapped buffer,
 * {@link MethodHandles#byteArrayViewVarHandle} for views over a heap array on JDKs that allow atomic access
 * to heap arrays (Java 17 does at aligned indexes; newer JDKs, such as Java 25, refuse it: {@link #HEAP}).
 *
 * <p>The caller has checked the lease and the bounds and passes the backing index {@code i}. Alignment is
 * checked by the {@code VarHandle} itself on every access (it throws {@link IllegalStateException} for a
 * misaligned address, never tearing the value); this class turns that into a
 * {@link MisalignedAccessException} naming the view's offset and the alignment needed, so the fast path
 * costs nothing beyond the raw {@code VarHandle}.
 */
final class AtomicAccess {

    private static final VarHandle D32B = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle D32L = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle D64B = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle D64L = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether this JDK allows atomic access to heap arrays (aligned); probed once. */
    static final boolean HEAP = heapAtomicsAllowed();

    private AtomicAccess() {
    }

    private static boolean heapAtomicsAllowed() {
        try {
            ByteView.A64L.getAndAdd(new byte[16], 0, 0L);
            ByteView.A32B.compareAndSet(new byte[16], 8, 0, 1);
            return true;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * The exception for an access the {@code VarHandle} refused with {@code e}: a
     * {@link MisalignedAccessException} when the address is misaligned, the heap refusal for heap memory,
     * otherwise {@code e} itself (for example, memory whose owner released it).
     */
    static RuntimeException refused(MutableByteView v, int i, int width, String op, IllegalStateException e) {
        int offset = i - v.base;
        int past;
        String where;
        if (v.array != null) {
            past = i & (width - 1);
            where = "index " + i + " of its heap array";
        } else if (v.buffer.isDirect()) {
            past = v.buffer.alignmentOffset(i, width);
            where = "byte " + i + " of its direct buffer";
        } else {
            return heapRefused(v, i, op);
        }
        if (past == 0) {
            return e;
        }
        return new MisalignedAccessException(op + " at offset " + offset + ": an atomic " + width
                + "-byte access needs an address that is a multiple of " + width + ", but offset " + offset
                + " (" + where + ") is " + past + " byte(s) past a multiple of " + width
                + "; place the value at an aligned offset (" + (offset >= past ? "at offset " + (offset - past)
                + " or " : "at offset ") + (offset - past + width) + " of this view)", offset, width);
    }

    /** The exception for atomic access to heap memory on a JDK that refuses it. */
    static UnsupportedOperationException heapRefused(MutableByteView v, int i, String op) {
        return new UnsupportedOperationException(op + " at offset " + (i - v.base) + ": this JDK (Java "
                + Runtime.version().feature() + ") does not allow atomic access to heap memory; atomic and"
                + " ordered access works on views of direct or mapped memory (ByteBuffer.allocateDirect, a"
                + " BufferPool built with direct(true), MappedFile) on every JDK, and on heap arrays on Java 17");
    }

    static int getVolatileI32be(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (int) D32B.getVolatile(v.buffer, i);
            } else if (HEAP) {
                return (int) ByteView.A32B.getVolatile(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getVolatileI32be", e);
        }
        throw heapRefused(v, i, "getVolatileI32be");
    }

    static int getAcquireI32be(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (int) D32B.getAcquire(v.buffer, i);
            } else if (HEAP) {
                return (int) ByteView.A32B.getAcquire(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAcquireI32be", e);
        }
        throw heapRefused(v, i, "getAcquireI32be");
    }

    static void setVolatileI32be(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                D32B.setVolatile(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A32B.setVolatile(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "setVolatileI32be", e);
        }
        throw heapRefused(v, i, "setVolatileI32be");
    }

    static void setReleaseI32be(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                D32B.setRelease(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A32B.setRelease(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "setReleaseI32be", e);
        }
        throw heapRefused(v, i, "setReleaseI32be");
    }

    static int getAndAddI32be(MutableByteView v, int i, int delta) {
        try {
            if (v.array == null) {
                return (int) D32B.getAndAdd(v.buffer, i, delta);
            } else if (HEAP) {
                return (int) ByteView.A32B.getAndAdd(v.array, i, delta);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAndAddI32be", e);
        }
        throw heapRefused(v, i, "getAndAddI32be");
    }

    static int getAndSetI32be(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                return (int) D32B.getAndSet(v.buffer, i, value);
            } else if (HEAP) {
                return (int) ByteView.A32B.getAndSet(v.array, i, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAndSetI32be", e);
        }
        throw heapRefused(v, i, "getAndSetI32be");
    }

    static boolean compareAndSetI32be(MutableByteView v, int i, int expected, int value) {
        try {
            if (v.array == null) {
                return (boolean) D32B.compareAndSet(v.buffer, i, expected, value);
            } else if (HEAP) {
                return (boolean) ByteView.A32B.compareAndSet(v.array, i, expected, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "compareAndSetI32be", e);
        }
        throw heapRefused(v, i, "compareAndSetI32be");
    }

    static int getVolatileI32le(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (int) D32L.getVolatile(v.buffer, i);
            } else if (HEAP) {
                return (int) ByteView.A32L.getVolatile(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getVolatileI32le", e);
        }
        throw heapRefused(v, i, "getVolatileI32le");
    }

    static int getAcquireI32le(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (int) D32L.getAcquire(v.buffer, i);
            } else if (HEAP) {
                return (int) ByteView.A32L.getAcquire(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAcquireI32le", e);
        }
        throw heapRefused(v, i, "getAcquireI32le");
    }

    static void setVolatileI32le(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                D32L.setVolatile(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A32L.setVolatile(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "setVolatileI32le", e);
        }
        throw heapRefused(v, i, "setVolatileI32le");
    }

    static void setReleaseI32le(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                D32L.setRelease(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A32L.setRelease(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "setReleaseI32le", e);
        }
        throw heapRefused(v, i, "setReleaseI32le");
    }

    static int getAndAddI32le(MutableByteView v, int i, int delta) {
        try {
            if (v.array == null) {
                return (int) D32L.getAndAdd(v.buffer, i, delta);
            } else if (HEAP) {
                return (int) ByteView.A32L.getAndAdd(v.array, i, delta);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAndAddI32le", e);
        }
        throw heapRefused(v, i, "getAndAddI32le");
    }

    static int getAndSetI32le(MutableByteView v, int i, int value) {
        try {
            if (v.array == null) {
                return (int) D32L.getAndSet(v.buffer, i, value);
            } else if (HEAP) {
                return (int) ByteView.A32L.getAndSet(v.array, i, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "getAndSetI32le", e);
        }
        throw heapRefused(v, i, "getAndSetI32le");
    }

    static boolean compareAndSetI32le(MutableByteView v, int i, int expected, int value) {
        try {
            if (v.array == null) {
                return (boolean) D32L.compareAndSet(v.buffer, i, expected, value);
            } else if (HEAP) {
                return (boolean) ByteView.A32L.compareAndSet(v.array, i, expected, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 4, "compareAndSetI32le", e);
        }
        throw heapRefused(v, i, "compareAndSetI32le");
    }

    static long getVolatileI64be(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (long) D64B.getVolatile(v.buffer, i);
            } else if (HEAP) {
                return (long) ByteView.A64B.getVolatile(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getVolatileI64be", e);
        }
        throw heapRefused(v, i, "getVolatileI64be");
    }

    static long getAcquireI64be(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (long) D64B.getAcquire(v.buffer, i);
            } else if (HEAP) {
                return (long) ByteView.A64B.getAcquire(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAcquireI64be", e);
        }
        throw heapRefused(v, i, "getAcquireI64be");
    }

    static void setVolatileI64be(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                D64B.setVolatile(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A64B.setVolatile(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "setVolatileI64be", e);
        }
        throw heapRefused(v, i, "setVolatileI64be");
    }

    static void setReleaseI64be(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                D64B.setRelease(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A64B.setRelease(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "setReleaseI64be", e);
        }
        throw heapRefused(v, i, "setReleaseI64be");
    }

    static long getAndAddI64be(MutableByteView v, int i, long delta) {
        try {
            if (v.array == null) {
                return (long) D64B.getAndAdd(v.buffer, i, delta);
            } else if (HEAP) {
                return (long) ByteView.A64B.getAndAdd(v.array, i, delta);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAndAddI64be", e);
        }
        throw heapRefused(v, i, "getAndAddI64be");
    }

    static long getAndSetI64be(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                return (long) D64B.getAndSet(v.buffer, i, value);
            } else if (HEAP) {
                return (long) ByteView.A64B.getAndSet(v.array, i, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAndSetI64be", e);
        }
        throw heapRefused(v, i, "getAndSetI64be");
    }

    static boolean compareAndSetI64be(MutableByteView v, int i, long expected, long value) {
        try {
            if (v.array == null) {
                return (boolean) D64B.compareAndSet(v.buffer, i, expected, value);
            } else if (HEAP) {
                return (boolean) ByteView.A64B.compareAndSet(v.array, i, expected, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "compareAndSetI64be", e);
        }
        throw heapRefused(v, i, "compareAndSetI64be");
    }

    static long getVolatileI64le(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (long) D64L.getVolatile(v.buffer, i);
            } else if (HEAP) {
                return (long) ByteView.A64L.getVolatile(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getVolatileI64le", e);
        }
        throw heapRefused(v, i, "getVolatileI64le");
    }

    static long getAcquireI64le(MutableByteView v, int i) {
        try {
            if (v.array == null) {
                return (long) D64L.getAcquire(v.buffer, i);
            } else if (HEAP) {
                return (long) ByteView.A64L.getAcquire(v.array, i);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAcquireI64le", e);
        }
        throw heapRefused(v, i, "getAcquireI64le");
    }

    static void setVolatileI64le(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                D64L.setVolatile(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A64L.setVolatile(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "setVolatileI64le", e);
        }
        throw heapRefused(v, i, "setVolatileI64le");
    }

    static void setReleaseI64le(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                D64L.setRelease(v.buffer, i, value);
                return;
            } else if (HEAP) {
                ByteView.A64L.setRelease(v.array, i, value);
                return;
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "setReleaseI64le", e);
        }
        throw heapRefused(v, i, "setReleaseI64le");
    }

    static long getAndAddI64le(MutableByteView v, int i, long delta) {
        try {
            if (v.array == null) {
                return (long) D64L.getAndAdd(v.buffer, i, delta);
            } else if (HEAP) {
                return (long) ByteView.A64L.getAndAdd(v.array, i, delta);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAndAddI64le", e);
        }
        throw heapRefused(v, i, "getAndAddI64le");
    }

    static long getAndSetI64le(MutableByteView v, int i, long value) {
        try {
            if (v.array == null) {
                return (long) D64L.getAndSet(v.buffer, i, value);
            } else if (HEAP) {
                return (long) ByteView.A64L.getAndSet(v.array, i, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "getAndSetI64le", e);
        }
        throw heapRefused(v, i, "getAndSetI64le");
    }

    static boolean compareAndSetI64le(MutableByteView v, int i, long expected, long value) {
        try {
            if (v.array == null) {
                return (boolean) D64L.compareAndSet(v.buffer, i, expected, value);
            } else if (HEAP) {
                return (boolean) ByteView.A64L.compareAndSet(v.array, i, expected, value);
            }
        } catch (IllegalStateException e) {
            throw refused(v, i, 8, "compareAndSetI64le", e);
        }
        throw heapRefused(v, i, "compareAndSetI64le");
    }
}
