/**
 * Launchers for the servers of the local stack: PostgreSQL, a Kafka broker in KRaft mode and a
 * MongoDB-compatible server, each keeping its data in a directory or file that survives restarts.
 * {@link org.camrin.infra.stack.StackMain} runs one of them as a process for {@code ./camrin};
 * tests in other modules start them in-process on free ports.
 */
package org.camrin.infra.stack;
