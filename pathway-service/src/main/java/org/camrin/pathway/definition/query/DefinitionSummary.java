package org.camrin.pathway.definition.query;

/** A pathway definition as listed: its newest version and that version's status. */
public record DefinitionSummary(String code, String name, String clinicalArea, int latestVersion, String latestStatus) {
}
