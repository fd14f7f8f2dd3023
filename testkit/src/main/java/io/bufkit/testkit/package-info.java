/**
 * Property testing for code built on bufkit: seeded generators, chunkings, a shrinking property runner
 * and JUnit Jupiter integration.
 */
package io.bufkit.testkit;
