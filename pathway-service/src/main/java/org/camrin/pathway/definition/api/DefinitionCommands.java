package org.camrin.pathway.definition.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands a pathway definition handles; the aggregate identifier is the pathway code. */
public final class DefinitionCommands {

    private DefinitionCommands() {
    }

    public record CreatePathwayDraftCommand(@TargetAggregateIdentifier String code, String name, String clinicalArea,
            List<PathwayStep> steps, List<String> standards) {
    }

    /** Replaces the draft, or opens a draft of the next version when the latest one is published. */
    public record RevisePathwayDraftCommand(@TargetAggregateIdentifier String code, String name, String clinicalArea,
            List<PathwayStep> steps, List<String> standards) {
    }

    public record PublishPathwayCommand(@TargetAggregateIdentifier String code) {
    }

    public record RetirePathwayVersionCommand(@TargetAggregateIdentifier String code, int version, String reason) {
    }

    public record AdoptPathwayVersionCommand(@TargetAggregateIdentifier String code, String trust, int version,
            LocalDate effectiveFrom) {
    }
}
