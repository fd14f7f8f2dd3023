/**
 * Checksums over views: the Internet checksum of RFC 1071 (IPv4, UDP, TCP, ICMP), with an optional
 * pseudo-header, and CRC-32 and CRC-32C through {@link java.util.zip}.
 *
 * <p><b>Ownership.</b> Every method <em>borrows</em> the views it is given for the duration of the call
 * and keeps nothing; results are plain numbers. A view whose lease ended throws
 * {@link io.bufkit.StaleViewException}.
 */
package io.bufkit.checksum;
