/**
 * Declarative fixed binary packet layouts and codecs that map them to users' own types.
 *
 * <p>Field handles read from and write to views without allocating; byte fields return
 * <em>borrowed</em> views unless an owned copy is asked for.
 */
package io.bufkit.layout;
