package org.camrin.pathway.definition.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camrin.pathway.definition.api.PathwayStep;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Query model of one pathway definition with all its versions and the trusts' adoptions, read by
 * the pathway code.
 *
 * @param versions  every version by its number as text (MongoDB field names are strings)
 * @param adoptions each trust's adoptions, oldest first; the last one is current
 * @param sequence  sequence number of the last definition event applied, so a repeated event is skipped
 */
@Document(PathwayDefinitionView.COLLECTION)
public record PathwayDefinitionView(@Id String code, Map<String, Version> versions,
        Map<String, List<Adoption>> adoptions, Instant updatedAt, long sequence) {

    static final String COLLECTION = "pathway_definitions";

    /** Lifecycle status of a version. */
    public enum Status { DRAFT, PUBLISHED, RETIRED }

    public record Version(int version, Status status, String name, String clinicalArea, List<PathwayStep> steps,
            List<String> standards, Instant publishedAt, Instant retiredAt, String retirementReason) {

        Version withStatus(Status newStatus, Instant publishedOn, Instant retiredOn, String reason) {
            return new Version(version, newStatus, name, clinicalArea, steps, standards, publishedOn, retiredOn, reason);
        }
    }

    public record Adoption(int version, LocalDate effectiveFrom, Instant adoptedAt, String adoptedBy) {
    }

    /** The version a trust uses on a date: its latest adoption that applies on or before that date. */
    public Optional<Adoption> adoptionOn(String trust, LocalDate date) {
        return adoptions.getOrDefault(trust, List.of()).stream()
                .filter(adoption -> !adoption.effectiveFrom().isAfter(date))
                .reduce((earlier, later) -> later);
    }

    public Optional<Version> version(int number) {
        return Optional.ofNullable(versions.get(Integer.toString(number)));
    }

    /** The newest version, which is the draft when one exists. */
    public Version latest() {
        return versions.values().stream().max(Comparator.comparingInt(Version::version)).orElseThrow();
    }

    PathwayDefinitionView withVersion(Version version, Instant at, long newSequence) {
        Map<String, Version> updated = new LinkedHashMap<>(versions);
        updated.put(Integer.toString(version.version()), version);
        return new PathwayDefinitionView(code, updated, adoptions, at, newSequence);
    }

    PathwayDefinitionView withAdoption(String trust, Adoption adoption, Instant at, long newSequence) {
        Map<String, List<Adoption>> updated = new LinkedHashMap<>(adoptions);
        List<Adoption> history = new ArrayList<>(updated.getOrDefault(trust, List.of()));
        history.add(adoption);
        updated.put(trust, List.copyOf(history));
        return new PathwayDefinitionView(code, versions, updated, at, newSequence);
    }
}
