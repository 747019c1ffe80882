package org.camrin.workforce.initiative.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.support.web.NotFoundException;
import org.camrin.workforce.initiative.api.InitiativeCommands.ChangeInitiativeStatusCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.ProposeInitiativeCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.RecordInitiativeEffectCommand;
import org.camrin.workforce.initiative.api.InitiativeId;
import org.camrin.workforce.initiative.api.InitiativeStatus;
import org.camrin.workforce.initiative.api.StarTheme;
import org.camrin.workforce.initiative.query.InitiativeQueries;
import org.camrin.workforce.initiative.query.InitiativeView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Star-model initiatives of the workforce programme. Everyone signed in reads; network admins and
 * programme managers propose and change them.
 */
@RestController
class InitiativeController {

    private static final Logger log = LoggerFactory.getLogger(InitiativeController.class);
    static final String CHANGERS = "hasAnyRole('network-admin', 'programme-manager')";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final InitiativeQueries queries;
    private final EventStore eventStore;

    InitiativeController(CommandGateway commands, InitiativeQueries queries, EventStore eventStore) {
        this.commands = commands;
        this.queries = queries;
        this.eventStore = eventStore;
    }

    record ProposeInitiativeRequest(
            @NotBlank(message = "Send a title of 1 to 200 characters.") @Size(max = 200, message = "Must be at most 200 characters.") String title,
            @NotNull(message = "Send the Star-model theme: SUPPLY, UP_SKILLING, NEW_ROLES, NEW_WAYS_OF_WORKING or LEADERSHIP_AND_MANAGEMENT.") StarTheme theme,
            @NotEmpty(message = "Send at least one staff group id, for example sonographers.") Set<String> staffGroups,
            @NotEmpty(message = "Send at least one trust's ODS code, for example RBL.") Set<String> trusts,
            @NotNull(message = "Send the planned effect on staff in post in WTE, for example 4.5.") Double plannedWteEffect,
            @NotNull(message = "Send the start date as YYYY-MM-DD.") LocalDate startDate,
            @NotNull(message = "Send the planned end date as YYYY-MM-DD.") LocalDate plannedEndDate) {
    }

    record ChangeStatusRequest(
            @NotNull(message = "Send the new status: PLANNED, IN_PROGRESS, COMPLETED or CANCELLED.") InitiativeStatus status,
            @NotNull(message = "Send the day the status changed as YYYY-MM-DD.") LocalDate effectiveOn,
            @Size(max = 2000, message = "Must be at most 2000 characters.") String reason) {
    }

    record RecordEffectRequest(
            @NotNull(message = "Send the measured effect on staff in post in WTE, for example 3.0.") Double actualWteEffect,
            @NotNull(message = "Send the day the effect was measured as YYYY-MM-DD.") LocalDate measuredOn) {
    }

    @GetMapping("/api/workforce/initiatives")
    List<InitiativeView> list() {
        return queries.findAll();
    }

    @GetMapping("/api/workforce/initiatives/{initiativeId}")
    InitiativeView get(@PathVariable UUID initiativeId) {
        return queries.findInitiative(initiativeId.toString())
                .orElseThrow(() -> new NotFoundException("Initiative " + initiativeId + " does not exist."));
    }

    @PostMapping("/api/workforce/initiatives")
    @PreAuthorize(CHANGERS)
    ResponseEntity<InitiativeView> propose(@Valid @RequestBody ProposeInitiativeRequest request) {
        InitiativeId initiativeId = InitiativeId.newId();

        commands.sendAndWait(new ProposeInitiativeCommand(initiativeId, request.title(), request.theme(),
                request.staffGroups(), request.trusts(), request.plannedWteEffect(), request.startDate(),
                request.plannedEndDate()));
        log.info("Initiative {} proposed under theme {}", initiativeId, request.theme());

        return ResponseEntity.created(URI.create("/api/workforce/initiatives/" + initiativeId))
                .body(projected(initiativeId));
    }

    @PostMapping("/api/workforce/initiatives/{initiativeId}/status")
    @PreAuthorize(CHANGERS)
    InitiativeView changeStatus(@PathVariable UUID initiativeId, @Valid @RequestBody ChangeStatusRequest request) {
        InitiativeId id = new InitiativeId(initiativeId);
        commands.sendAndWait(new ChangeInitiativeStatusCommand(id, request.status(), request.effectiveOn(),
                request.reason()));
        return projected(id);
    }

    @PutMapping("/api/workforce/initiatives/{initiativeId}/actual-effect")
    @PreAuthorize(CHANGERS)
    InitiativeView recordEffect(@PathVariable UUID initiativeId, @Valid @RequestBody RecordEffectRequest request) {
        InitiativeId id = new InitiativeId(initiativeId);
        commands.sendAndWait(new RecordInitiativeEffectCommand(id, request.actualWteEffect(), request.measuredOn()));
        return projected(id);
    }

    /** Waits until the query model has caught up with the initiative's last stored event, then returns it. */
    private InitiativeView projected(InitiativeId initiativeId) {
        long stored = eventStore.lastSequenceNumberFor(initiativeId.toString()).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (queries.versionOf(initiativeId.toString()) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return queries.findInitiative(initiativeId.toString())
                .orElseThrow(() -> new NotFoundException("Initiative " + initiativeId
                        + " is stored but not yet readable. Read it again in a moment."));
    }
}
