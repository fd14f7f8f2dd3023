package io.bufkit.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The arena an {@link ArenaLease} hands out: allocates from the lease's own arena, and closing it closes
 * the lease, so that views never outlive their memory whichever of the two is closed.
 */
final class LeasedArena implements Arena {

    private final ArenaLease lease;
    private final Arena arena;

    LeasedArena(ArenaLease lease, Arena arena) {
        this.lease = lease;
        this.arena = arena;
    }

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        return arena.allocate(byteSize, byteAlignment);
    }

    @Override
    public MemorySegment.Scope scope() {
        return arena.scope();
    }

    @Override
    public void close() {
        lease.close();
    }

    @Override
    public String toString() {
        return "Arena of " + lease;
    }
}
