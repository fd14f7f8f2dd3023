package io.bufkit;

/**
 * A program run in a fresh JVM by {@link LeaseModesTest}, because the lease settings are read once per
 * JVM: it reads a view after its lease closed, directly and through a layout handle, and prints what
 * happened.
 */
final class LeaseModeProbe {

    private LeaseModeProbe() {
    }

    public static void main(String[] args) {
        Lease lease = Lease.open("probe");
        ByteView view = lease.wrap(new byte[] {42, 7});
        closeTheLease(lease);
        System.out.println("valid=" + view.isValid());
        try {
            System.out.println("read=" + view.u8(0));
        } catch (StaleViewException e) {
            System.out.println("stale=" + e.getMessage());
            if (e.getCause() != null) {
                for (StackTraceElement frame : e.getCause().getStackTrace()) {
                    System.out.println("endedAt=" + frame.getMethodName());
                }
            }
        }
        try {
            // layout handles read through their own shortcut, which must honour the setting too
            int b = io.bufkit.layout.PacketLayout.builder("p").u8("a").u8("b").build().intField("b").get(view);
            System.out.println("handle=" + b);
        } catch (StaleViewException e) {
            System.out.println("handleStale=" + e.getMessage());
        }
    }

    private static void closeTheLease(Lease lease) {
        lease.close();
    }
}
