package io.bufkit.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** The leak check the other tests rely on finds a leak: it can fail. */
class NettyLeaksTest {

    @Test
    void aBufferDroppedUnreleasedIsReported() {
        NettyLeaks.install();
        assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
        NettyLeaks.collect();
        leak();
        assertFalse(NettyLeaks.collect().isEmpty(), "a dropped unreleased buffer must be reported");
    }

    private static void leak() {
        ByteBufAllocator.DEFAULT.directBuffer(16).writeLong(1);
    }
}
