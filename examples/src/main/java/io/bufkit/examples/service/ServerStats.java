package io.bufkit.examples.service;

/**
 * A snapshot of a {@link SensorServer}'s counters.
 *
 * @param accepted connections accepted
 * @param refused connections refused because the server had {@code maxConnections} open
 * @param open connections open now
 * @param frames frames decoded, dispatched and acknowledged
 * @param bytesReceived bytes read from all connections
 * @param acksWritten acknowledgements fully written to their sockets
 * @param protocolErrors connections closed because they sent something malformed
 * @param ioErrors connections closed because reading or writing failed
 * @param internalErrors connections closed because of a bug in the server (logged with a stack trace)
 * @param readPauses times a connection stopped being read because its acknowledgement queue was full
 * @param refusedPerPeer connections refused because their peer had {@code maxConnectionsPerPeer} open (also
 *     counted in {@code refused})
 * @param idleTimeouts connections closed because nothing was sent or taken for the idle timeout
 * @param frameDeadlinesMissed connections closed because a started frame was not complete by its deadline
 * @param headerRejections connections closed at a frame header whose value length cannot be right for its
 *     type (also counted in {@code protocolErrors})
 */
record ServerStats(long accepted, long refused, int open, long frames, long bytesReceived, long acksWritten,
        long protocolErrors, long ioErrors, long internalErrors, long readPauses, long refusedPerPeer,
        long idleTimeouts, long frameDeadlinesMissed, long headerRejections) {
}
