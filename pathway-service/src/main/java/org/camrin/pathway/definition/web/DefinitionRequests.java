package org.camrin.pathway.definition.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the pathway definition API. The aggregate checks the rules across fields. */
final class DefinitionRequests {

    private DefinitionRequests() {
    }

    record StepRequest(
            @NotBlank(message = "Send a step key such as ct-performed.") String key,
            @NotBlank(message = "Send the step's name.") @Size(max = 200, message = "Must be at most 200 characters.") String name,
            @NotNull(message = "Send the target as an ISO-8601 duration, for example PT72H or P28D.") Duration target,
            String measuredFrom) {
    }

    record DefinitionRequest(
            @NotBlank(message = "Send a code such as NOLCP-IMAGING.") String code,
            @NotBlank(message = "Send the pathway's name.") @Size(max = 200, message = "Must be at most 200 characters.") String name,
            @NotBlank(message = "Send the clinical area, for example Lung cancer.") @Size(max = 200, message = "Must be at most 200 characters.") String clinicalArea,
            @NotEmpty(message = "Send at least one step.") List<@Valid StepRequest> steps,
            List<String> standards) {
    }

    record RevisionRequest(
            @NotBlank(message = "Send the pathway's name.") @Size(max = 200, message = "Must be at most 200 characters.") String name,
            @NotBlank(message = "Send the clinical area, for example Lung cancer.") @Size(max = 200, message = "Must be at most 200 characters.") String clinicalArea,
            @NotEmpty(message = "Send at least one step.") List<@Valid StepRequest> steps,
            List<String> standards) {
    }

    record RetirementRequest(@Size(max = 200, message = "Must be at most 200 characters.") String reason) {
    }

    record AdoptionRequest(
            @NotNull(message = "Send the published version to adopt.") @Positive(message = "Send a version of 1 or more.") Integer version,
            @NotNull(message = "Send the date the version applies from as YYYY-MM-DD.") LocalDate effectiveFrom) {
    }
}
