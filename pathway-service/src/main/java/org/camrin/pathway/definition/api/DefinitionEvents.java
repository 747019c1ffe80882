package org.camrin.pathway.definition.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the pathway definition aggregate as stored in the event store. Their names and fields
 * are permanent once stored; the public feed is mapped from them separately.
 */
public final class DefinitionEvents {

    private DefinitionEvents() {
    }

    /** A draft of {@code version} was written, for a new pathway or a new version of a published one. */
    public record PathwayDraftedEvent(String code, int version, String name, String clinicalArea,
            List<PathwayStep> steps, List<String> standards) {
    }

    /** The draft became an immutable published version; it carries the full content. */
    public record PathwayPublishedEvent(String code, int version, String name, String clinicalArea,
            List<PathwayStep> steps, List<String> standards) {
    }

    public record PathwayVersionRetiredEvent(String code, int version, String reason) {
    }

    /** @param previousVersion the version the trust used until {@code effectiveFrom}; null for its first adoption */
    public record PathwayVersionAdoptedEvent(String code, String trust, int version, LocalDate effectiveFrom,
            Integer previousVersion) {
    }
}
