/**
 * A small TCP service built on bufkit, as a model for users' own network code: a non-blocking NIO server
 * that receives sensor and legacy packets in TLV frames and acknowledges each one, and a load client that
 * drives it.
 *
 * <p><b>Ownership rules of the server</b> — the choices a service makes with bufkit:
 * <ul>
 *   <li><em>Leased:</em> every socket read goes into a direct buffer leased from a
 *       {@link io.bufkit.pool.BufferPool} for exactly one read and one feed of the connection's
 *       {@link io.bufkit.tlv.TlvDecoder}, and is released right after. A frame that is still partial is
 *       copied by the decoder into its own accumulator (at most one partial frame per connection), so no
 *       read buffer is ever held between reads. The acknowledgements waiting to be written are encoded into
 *       a second leased buffer, held only while acknowledgements are pending.</li>
 *   <li><em>Borrowed:</em> a frame's value reaches the handler as a view into the leased read buffer (or
 *       the decoder's accumulator) and is valid only until the handler returns. The codecs decode it into
 *       records of plain numbers, which are owned by nature.</li>
 *   <li><em>Copied:</em> the long-lived per-sensor state keeps the last raw packet of each sensor by
 *       copying the borrowed value into an array the state owns ({@link io.bufkit.ByteView#copyTo(byte[], int)});
 *       it never keeps a view.</li>
 *   <li><em>Bounded:</em> a connection holds at most one partial frame (the protocol caps values at 64
 *       bytes) and a fixed number of
 *       pending acknowledgements. When that queue is full the server stops reading from the connection,
 *       so TCP pushes back on the sender instead of the server buffering without limit.</li>
 * </ul>
 *
 * <p>See {@code SensorProtocol} for the wire format, including the acknowledgement frame, and
 * {@link io.bufkit.examples.service.SensorService} for the runnable program.
 */
package io.bufkit.examples.service;
