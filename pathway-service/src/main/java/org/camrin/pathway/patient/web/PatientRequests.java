package org.camrin.pathway.patient.web;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the patient pathway API. */
final class PatientRequests {

    private PatientRequests() {
    }

    /**
     * @param nhsNumber the patient's NHS number; replaced by a pseudonym before anything is stored
     * @param startedAt when the pathway started, such as the referral time; now when left out
     */
    record StartRequest(
            @NotBlank(message = "Send the patient's NHS number: 10 digits.") String nhsNumber,
            @NotBlank(message = "Send the pathway code, for example NOLCP-IMAGING.") String pathwayCode,
            Instant startedAt) {

        /** Keeps the NHS number out of log lines and error messages that print the request. */
        @Override
        public String toString() {
            return "StartRequest[pathwayCode=" + pathwayCode + ", startedAt=" + startedAt + "]";
        }
    }

    record StepCompletionRequest(
            @NotNull(message = "Send when the step was completed as ISO-8601, for example 2026-01-31T09:30:00Z.") Instant completedAt) {
    }

    record ReasonRequest(
            @NotBlank(message = "Send the reason.") @Size(max = 500, message = "Must be at most 500 characters.") String reason) {
    }

    record ErasureRequest(@NotBlank(message = "Send the patient's NHS number: 10 digits.") String nhsNumber) {

        @Override
        public String toString() {
            return "ErasureRequest[nhsNumber=<withheld>]";
        }
    }
}
