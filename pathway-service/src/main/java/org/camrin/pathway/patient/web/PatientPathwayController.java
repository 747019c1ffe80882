package org.camrin.pathway.patient.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.camrin.identity.security.CamrinRoles;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CurrentUser;
import org.camrin.pathway.definition.query.DefinitionQueries;
import org.camrin.pathway.definition.query.PathwayDefinitionView;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Adoption;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Version;
import org.camrin.pathway.patient.api.PatientCommands.CancelPatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.CompletePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.ErasePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.PausePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.RecordStepCompletionCommand;
import org.camrin.pathway.patient.api.PatientCommands.ResumePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.StartPatientPathwayCommand;
import org.camrin.pathway.patient.api.ReportedTimes;
import org.camrin.pathway.patient.identity.NhsNumber;
import org.camrin.pathway.patient.identity.PatientKeyStore;
import org.camrin.pathway.patient.identity.Pseudonymiser;
import org.camrin.pathway.patient.query.PatientPathwayQueries;
import org.camrin.pathway.patient.query.PatientPathwayView;
import org.camrin.pathway.patient.web.PatientRequests.ErasureRequest;
import org.camrin.pathway.patient.web.PatientRequests.ReasonRequest;
import org.camrin.pathway.patient.web.PatientRequests.StartRequest;
import org.camrin.pathway.patient.web.PatientRequests.StepCompletionRequest;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.camrin.support.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patient pathways. Clinicians and radiologists start and change pathways of their own trust;
 * trust admins of that trust and network admins read them. The NHS number is accepted here
 * only, checked, and replaced by a pseudonym before any command is sent.
 */
@RestController
@RequestMapping("/api/pathways/patients")
class PatientPathwayController {

    private static final Logger log = LoggerFactory.getLogger(PatientPathwayController.class);
    private static final String RECORDERS = "hasAnyRole('clinician', 'radiologist')";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CommandGateway commands;
    private final PatientPathwayQueries queries;
    private final DefinitionQueries definitions;
    private final Pseudonymiser pseudonymiser;
    private final PatientKeyStore keys;
    private final EventStore eventStore;

    PatientPathwayController(CommandGateway commands, PatientPathwayQueries queries, DefinitionQueries definitions,
            Pseudonymiser pseudonymiser, PatientKeyStore keys, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.definitions = definitions;
        this.pseudonymiser = pseudonymiser;
        this.keys = keys;
        this.eventStore = eventStore;
    }

    /** A patient pathway as the API shows it: the pseudonym, never the NHS number. */
    record PatientPathwayResponse(String id, String patientPseudonym, boolean patientErased, String trust,
            String pathwayCode, int pathwayVersion, String status, Instant startedAt,
            List<PatientPathwayView.Step> steps, String closingReason, Instant updatedAt) {
    }

    @PostMapping
    @PreAuthorize(RECORDERS)
    ResponseEntity<PatientPathwayResponse> start(@Valid @RequestBody StartRequest request) {
        CamrinUser user = CurrentUser.get();
        String trust = user.trust().orElseThrow(() -> new AccessDeniedException("Only staff of a trust start pathways"));
        String nhsNumber = NhsNumber.requireValid("nhsNumber", request.nhsNumber());
        Instant now = Instant.now();
        // Checked before the start date is worked out, which fails for times far outside the window.
        Instant startedAt = request.startedAt() == null ? now
                : ReportedTimes.requireWithinWindow("startedAt", request.startedAt(), now);
        PathwayDefinitionView definition = definitions.find(request.pathwayCode())
                .orElseThrow(() -> new InvalidInputException("pathwayCode", "'" + request.pathwayCode()
                        + "' is not a pathway. List them with GET /api/pathways/definitions."));
        Adoption adoption = definition.adoptionOn(trust, startedAt.atZone(UK).toLocalDate())
                .orElseThrow(() -> new PathwayNotAdoptedException(trust, definition.code(), startedAt));
        Version version = definition.version(adoption.version()).orElseThrow();

        String pseudonym = pseudonymiser.pseudonymOf(nhsNumber);
        String keyId = keys.keyIdFor(pseudonym);
        String pathwayId = UUID.randomUUID().toString();
        keys.addPathway(keyId, pathwayId);
        commands.sendAndWait(new StartPatientPathwayCommand(pathwayId, keyId, keys.encrypt(keyId, pseudonym), trust,
                definition.code(), version.version(), version.steps(), startedAt, now));
        log.info("Patient pathway {} started on {} version {} at {}", pathwayId, definition.code(),
                version.version(), trust);

        return ResponseEntity.created(URI.create("/api/pathways/patients/" + pathwayId)).body(projected(pathwayId));
    }

    @GetMapping("/{pathwayId}")
    @PreAuthorize("hasAnyRole('clinician', 'radiologist', 'trust-admin', 'network-admin')")
    PatientPathwayResponse get(@PathVariable UUID pathwayId) {
        PatientPathwayView view = require(pathwayId.toString());
        CamrinUser user = CurrentUser.get();
        if (!user.hasRole(CamrinRoles.NETWORK_ADMIN) && !user.belongsTo(view.trust())) {
            throw new AccessDeniedException("Pathways are readable by staff of their own trust");
        }
        return response(view);
    }

    @PostMapping("/{pathwayId}/steps/{stepKey}")
    @PreAuthorize(RECORDERS)
    PatientPathwayResponse recordStep(@PathVariable UUID pathwayId, @PathVariable String stepKey,
            @Valid @RequestBody StepCompletionRequest request) {
        String id = pathwayId.toString();
        send(new RecordStepCompletionCommand(id, stepKey, request.completedAt(), actingTrust(), Instant.now()));
        return projected(id);
    }

    @PostMapping("/{pathwayId}/pause")
    @PreAuthorize(RECORDERS)
    PatientPathwayResponse pause(@PathVariable UUID pathwayId, @Valid @RequestBody ReasonRequest request) {
        String id = pathwayId.toString();
        send(new PausePatientPathwayCommand(id, request.reason(), actingTrust(), Instant.now()));
        return projected(id);
    }

    @PostMapping("/{pathwayId}/resumption")
    @PreAuthorize(RECORDERS)
    PatientPathwayResponse resume(@PathVariable UUID pathwayId, @Valid @RequestBody ReasonRequest request) {
        String id = pathwayId.toString();
        send(new ResumePatientPathwayCommand(id, request.reason(), actingTrust(), Instant.now()));
        return projected(id);
    }

    @PostMapping("/{pathwayId}/completion")
    @PreAuthorize(RECORDERS)
    PatientPathwayResponse complete(@PathVariable UUID pathwayId, @Valid @RequestBody ReasonRequest request) {
        String id = pathwayId.toString();
        send(new CompletePatientPathwayCommand(id, request.reason(), actingTrust(), Instant.now()));
        return projected(id);
    }

    @PostMapping("/{pathwayId}/cancellation")
    @PreAuthorize(RECORDERS)
    PatientPathwayResponse cancel(@PathVariable UUID pathwayId, @Valid @RequestBody ReasonRequest request) {
        String id = pathwayId.toString();
        send(new CancelPatientPathwayCommand(id, request.reason(), actingTrust(), Instant.now()));
        return projected(id);
    }

    /**
     * Erases a patient: deletes the patient's key, so every stored event of their pathways can no
     * longer be read or linked, and marks each pathway erased. Trust admins and network admins.
     */
    @PostMapping("/erasures")
    @PreAuthorize("hasAnyRole('trust-admin', 'network-admin')")
    Map<String, Object> erase(@Valid @RequestBody ErasureRequest request) {
        String nhsNumber = NhsNumber.requireValid("nhsNumber", request.nhsNumber());
        List<String> pathways = keys.erase(pseudonymiser.pseudonymOf(nhsNumber)).orElse(List.of());
        for (String pathwayId : pathways) {
            try {
                commands.sendAndWait(new ErasePatientPathwayCommand(pathwayId));
            } catch (AggregateNotFoundException neverStarted) {
                // The start failed after the key store listed the pathway, so nothing was stored.
                log.info("Pathway {} listed under an erased key was never started", pathwayId);
            }
        }
        log.info("Erasure request handled: {} pathways erased", pathways.size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("erasedPathways", pathways.size());
        return result;
    }

    private void send(Object command) {
        commands.sendAndWait(command);
    }

    private static String actingTrust() {
        return CurrentUser.get().trust().orElse(null);
    }

    private PatientPathwayView require(String pathwayId) {
        return queries.find(pathwayId).orElseThrow(() -> new NotFoundException("Patient pathway " + pathwayId
                + " does not exist."));
    }

    private PatientPathwayResponse response(PatientPathwayView view) {
        String pseudonym = view.patientKeyId() == null ? null
                : keys.decrypt(view.patientKeyId(), view.sealedPseudonym()).orElse(null);
        return new PatientPathwayResponse(view.id(), pseudonym, pseudonym == null, view.trust(), view.pathwayCode(),
                view.pathwayVersion(), view.status().name(), view.startedAt(), view.steps(), view.closingReason(),
                view.updatedAt());
    }

    /** Waits until the query model has applied the pathway's last stored event, then returns it. */
    private PatientPathwayResponse projected(String pathwayId) {
        long stored = eventStore.lastSequenceNumberFor(pathwayId).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (queries.sequenceOf(pathwayId) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return response(require(pathwayId));
    }

    static final class PathwayNotAdoptedException extends RuleViolationException {
        PathwayNotAdoptedException(String trust, String code, Instant startedAt) {
            super("Trust " + trust + " has no version of pathway " + code + " adopted on "
                    + startedAt.atZone(UK).toLocalDate() + ". A trust admin adopts a published version first.");
        }
    }
}
