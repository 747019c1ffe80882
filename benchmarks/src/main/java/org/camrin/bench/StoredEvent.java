package org.camrin.bench;

/**
 * One row of Axon's {@code domainevententry} table without its global index, which the table's
 * sequence assigns on insert.
 *
 * @param timestamp the event's time in the ISO-8601 text form Axon's JDBC engine writes
 */
record StoredEvent(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
        String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
}
