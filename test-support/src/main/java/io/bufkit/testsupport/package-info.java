/**
 * Test support shared by the tests of every bufkit module, written once: {@link
 * io.bufkit.testsupport.CapturingLogger}, {@link io.bufkit.testsupport.PrintedText}, {@link
 * io.bufkit.testsupport.Eventually} and {@link io.bufkit.testsupport.ForkedJvm}. It depends on the JDK
 * alone, so that the library's own tests can use it without a dependency cycle, and it is not published.
 * It handles no bytes, so it borrows and owns nothing.
 */
package io.bufkit.testsupport;
