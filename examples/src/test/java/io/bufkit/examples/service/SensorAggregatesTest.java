package io.bufkit.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bufkit.Bytes;
import io.bufkit.Lease;
import io.bufkit.MutableByteView;
import io.bufkit.examples.LegacyPacket;
import io.bufkit.examples.SensorPacket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorAggregatesTest {

    private static final SensorPacket A = new SensorPacket(7, 1000, 1, 0b001, 20, 40.5f, 100f);
    private static final SensorPacket B = new SensorPacket(7, 2000, 1, 0b100, -5, 60.25f, 101f);
    private static final SensorPacket C = new SensorPacket(7, 3000, 2, 0b001, 30, 10f, 99f);
    private static final LegacyPacket L1 = new LegacyPacket(57005, 5.0f, 1, 181, 86400);
    private static final LegacyPacket L2 = new LegacyPacket(57005, 3.5f, 2, 7, 90000);

    private static Bytes encode(SensorPacket p) {
        MutableByteView v = MutableByteView.allocate(SensorPacket.CODEC.size());
        SensorPacket.CODEC.encode(p, v);
        return v.copy();
    }

    private static Bytes encode(LegacyPacket p) {
        MutableByteView v = MutableByteView.allocate(LegacyPacket.CODEC.size());
        LegacyPacket.CODEC.encode(p, v);
        return v.copy();
    }

    @Test
    void summarisesASensorFromItsPackets() {
        SensorAggregates state = new SensorAggregates();
        for (SensorPacket p : List.of(A, B, C)) {
            state.add(p, encode(p).view());
        }
        SensorAggregates.SensorSummary s = state.snapshot().sensors().get(7L);
        assertEquals(new SensorAggregates.SensorSummary(7, 3, -5, 30, 45, 10f, 60.25f, 3000, 0b101, encode(C)), s);
        assertEquals(15.0, s.meanTemperature());
    }

    @Test
    void summarisesALegacyDeviceFromItsPackets() {
        SensorAggregates state = new SensorAggregates();
        state.add(L1, encode(L1).view());
        state.add(L2, encode(L2).view());
        assertEquals(new SensorAggregates.DeviceSummary(57005, 2, 3.5f, 5.0f, 90000, 2, encode(L2)),
                state.snapshot().devices().get(57005));
    }

    @Test
    void keepsTheLastPacketAsACopyNotAView() {
        SensorAggregates state = new SensorAggregates();
        byte[] readBuffer = encode(A).toByteArray();
        Lease lease = Lease.open("read");
        state.add(A, lease.wrap(readBuffer));
        lease.endViews();                                   // the read buffer changes hands
        Arrays.fill(readBuffer, (byte) 0x5a);            // and is reused
        assertEquals(encode(A), state.snapshot().sensors().get(7L).lastPacket());
    }

    @Test
    void snapshotIsNotChangedByLaterPackets() {
        SensorAggregates state = new SensorAggregates();
        state.add(A, encode(A).view());
        SensorAggregates.Snapshot before = state.snapshot();
        state.add(B, encode(B).view());
        assertEquals(1, before.sensors().get(7L).packets());
        assertEquals(encode(A), before.sensors().get(7L).lastPacket());
    }

    @Test
    void packetsOfSensorsBeyondTheBoundAreCountedButNotTracked() {
        SensorAggregates state = new SensorAggregates(2);
        for (long id = 1; id <= 5; id++) {
            SensorPacket p = new SensorPacket(id, 0, 1, 0, 0, 0f, 0f);
            state.add(p, encode(p).view());
        }
        SensorAggregates.Snapshot s = state.snapshot();
        assertEquals(List.of(1L, 2L), List.copyOf(s.sensors().keySet()));
        assertEquals(3, s.untracked());
        assertEquals(5, s.packets());
    }

    @Test
    void packetsOfTrackedSensorsAreStillCountedOnceTheBoundIsReached() {
        SensorAggregates state = new SensorAggregates(1);
        state.add(A, encode(A).view());
        SensorPacket other = new SensorPacket(8, 0, 1, 0, 0, 0f, 0f);
        state.add(other, encode(other).view());
        state.add(B, encode(B).view());
        assertEquals(2, state.snapshot().sensors().get(7L).packets());
        assertEquals(1, state.snapshot().untracked());
    }

    @Test
    void rawPacketOfTheWrongLengthIsRejected() {
        SensorAggregates state = new SensorAggregates();
        assertThrows(IllegalArgumentException.class, () -> state.add(A, encode(A).view().slice(0, 23)));
    }

    @Test
    void messageOfAnotherTypeIsRejected() {
        SensorAggregates state = new SensorAggregates();
        assertThrows(IllegalArgumentException.class, () -> state.add("not a packet", Bytes.empty().view()));
    }
}
