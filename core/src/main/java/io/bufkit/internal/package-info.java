/**
 * Implementation details; not exported, not API.
 */
package io.bufkit.internal;
