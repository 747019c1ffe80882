package org.camrin.pathway.definition.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CurrentUser;
import org.camrin.pathway.definition.api.AdoptionOutcome;
import org.camrin.pathway.definition.api.DefinitionCommands.AdoptPathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.CreatePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.PublishPathwayCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RetirePathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RevisePathwayDraftCommand;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.definition.query.DefinitionQueries;
import org.camrin.pathway.definition.query.DefinitionSummary;
import org.camrin.pathway.definition.query.PathwayDefinitionView;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Status;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Version;
import org.camrin.pathway.definition.web.DefinitionRequests.AdoptionRequest;
import org.camrin.pathway.definition.web.DefinitionRequests.DefinitionRequest;
import org.camrin.pathway.definition.web.DefinitionRequests.RetirementRequest;
import org.camrin.pathway.definition.web.DefinitionRequests.RevisionRequest;
import org.camrin.pathway.definition.web.DefinitionRequests.StepRequest;
import org.camrin.support.web.NotFoundException;
import org.camrin.support.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pathway definitions: everyone signed in reads; network admins and programme managers draft,
 * publish and retire; a trust admin adopts a version for their own trust.
 */
@RestController
@RequestMapping("/api/pathways/definitions")
class DefinitionController {

    private static final Logger log = LoggerFactory.getLogger(DefinitionController.class);
    private static final String AUTHORS = "hasAnyRole('network-admin', 'programme-manager')";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final DefinitionQueries queries;
    private final EventStore eventStore;

    DefinitionController(CommandGateway commands, DefinitionQueries queries, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
    }

    @GetMapping
    List<DefinitionSummary> list() {
        return queries.list();
    }

    @GetMapping("/{code}")
    PathwayDefinitionView get(@PathVariable String code) {
        return require(code);
    }

    @PostMapping
    @PreAuthorize(AUTHORS)
    ResponseEntity<PathwayDefinitionView> create(@Valid @RequestBody DefinitionRequest request) {
        if (queries.find(request.code()).isPresent()) {
            throw new DefinitionExistsException(request.code());
        }
        commands.sendAndWait(new CreatePathwayDraftCommand(request.code(), request.name(), request.clinicalArea(),
                steps(request.steps()), request.standards()));
        log.info("Pathway {} drafted", request.code());
        return ResponseEntity.created(URI.create("/api/pathways/definitions/" + request.code()))
                .body(projected(request.code()));
    }

    @PutMapping("/{code}/draft")
    @PreAuthorize(AUTHORS)
    PathwayDefinitionView revise(@PathVariable String code, @Valid @RequestBody RevisionRequest request) {
        require(code);
        commands.sendAndWait(new RevisePathwayDraftCommand(code, request.name(), request.clinicalArea(),
                steps(request.steps()), request.standards()));
        return projected(code);
    }

    @PostMapping("/{code}/publication")
    @PreAuthorize(AUTHORS)
    PathwayDefinitionView publish(@PathVariable String code) {
        require(code);
        commands.sendAndWait(new PublishPathwayCommand(code));
        log.info("Pathway {} published", code);
        return projected(code);
    }

    @PostMapping("/{code}/versions/{version}/retirement")
    @PreAuthorize(AUTHORS)
    PathwayDefinitionView retire(@PathVariable String code, @PathVariable int version,
            @Valid @RequestBody(required = false) RetirementRequest request) {
        require(code);
        commands.sendAndWait(new RetirePathwayVersionCommand(code, version, request == null ? null : request.reason()));
        return projected(code);
    }

    /** Adopts a version for a trust; trust admins only for their own trust. */
    @PutMapping("/{code}/adoptions/{trust}")
    @PreAuthorize("hasRole('trust-admin')")
    AdoptionResponse adopt(@PathVariable String code, @PathVariable String trust,
            @Valid @RequestBody AdoptionRequest request) {
        CamrinUser user = CurrentUser.get();
        if (!user.belongsTo(trust)) {
            throw new AccessDeniedException("A trust admin adopts pathways only for their own trust");
        }
        require(code);

        AdoptionOutcome outcome = commands.sendAndWait(new AdoptPathwayVersionCommand(code, trust, request.version(),
                request.effectiveFrom()));

        if (outcome == AdoptionOutcome.ALREADY_ADOPTED) {
            log.info("Trust {} already uses version {} of pathway {}; adoption from {} changed nothing", trust,
                    request.version(), code, request.effectiveFrom());
            return new AdoptionResponse(outcome, "Trust " + trust + " already uses version " + request.version()
                    + " of " + code + " from this date or an earlier one, so nothing was changed.", projected(code));
        }
        log.info("Trust {} adopted version {} of pathway {} from {}", trust, request.version(), code,
                request.effectiveFrom());
        return new AdoptionResponse(outcome, "Trust " + trust + " uses version " + request.version() + " of " + code
                + " from " + request.effectiveFrom() + ".", projected(code));
    }

    /**
     * The definition after an adoption, with its fields at the top level as other endpoints return
     * them, and whether this request stored an adoption.
     */
    record AdoptionResponse(AdoptionOutcome outcome, String message,
            @JsonUnwrapped PathwayDefinitionView definition) {
    }

    /** A published or retired version as a FHIR R4 PlanDefinition. */
    @GetMapping(path = "/{code}/versions/{version}/plan-definition",
            produces = {"application/fhir+json", MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> planDefinition(@PathVariable String code, @PathVariable int version) {
        PathwayDefinitionView definition = require(code);
        Version found = definition.version(version)
                .filter(candidate -> candidate.status() != Status.DRAFT)
                .orElseThrow(() -> new NotFoundException("Pathway " + code + " has no published version " + version
                        + ". A draft is exported only once published."));
        return PlanDefinitionExport.of(definition, found);
    }

    private PathwayDefinitionView require(String code) {
        return queries.find(code).orElseThrow(() -> new NotFoundException("Pathway definition '" + code
                + "' does not exist. List the definitions with GET /api/pathways/definitions."));
    }

    private static List<PathwayStep> steps(List<StepRequest> requests) {
        return requests.stream()
                .map(step -> new PathwayStep(step.key(), step.name(), step.target(), step.measuredFrom()))
                .toList();
    }

    /** Waits until the query model has applied the definition's last stored event, then returns it. */
    private PathwayDefinitionView projected(String code) {
        long stored = eventStore.lastSequenceNumberFor(code).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (queries.sequenceOf(code) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return require(code);
    }

    static final class DefinitionExistsException extends RuleViolationException {
        DefinitionExistsException(String code) {
            super("Pathway " + code + " already exists. Change it with PUT /api/pathways/definitions/" + code
                    + "/draft, which drafts a new version when the latest one is published.");
        }
    }
}
