package org.camrin.workforce.plan.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.support.web.NotFoundException;
import org.camrin.workforce.plan.api.ActionStatus;
import org.camrin.workforce.plan.api.IntegratedCareSystem;
import org.camrin.workforce.plan.api.PlanCommands.AddPlanActionCommand;
import org.camrin.workforce.plan.api.PlanCommands.ChangePlanActionStatusCommand;
import org.camrin.workforce.plan.query.PlanView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workforce implementation plans per Integrated Care System. Everyone signed in reads; network
 * admins and programme managers add and move actions.
 */
@RestController
class PlanController {

    private static final Logger log = LoggerFactory.getLogger(PlanController.class);
    private static final String CHANGERS = "hasAnyRole('network-admin', 'programme-manager')";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final EventStore eventStore;

    PlanController(CommandGateway commands, MongoTemplate mongo, EventStore eventStore) {
        this.commands = commands;
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    record AddActionRequest(
            @NotBlank(message = "Send a title of 1 to 200 characters.") @Size(max = 200, message = "Must be at most 200 characters.") String title,
            @NotBlank(message = "Send the post or team that owns the action, for example 'Workforce lead, RBL'.") @Size(max = 200, message = "Must be at most 200 characters.") String owner,
            @NotNull(message = "Send the due date as YYYY-MM-DD.") LocalDate dueDate,
            UUID initiativeId) {
    }

    record ChangeActionStatusRequest(
            @NotNull(message = "Send the new status: IN_PROGRESS, COMPLETED or CANCELLED.") ActionStatus status,
            @Size(max = 2000, message = "Must be at most 2000 characters.") String reason) {
    }

    record SystemResponse(String code, String boardName) {
    }

    @GetMapping("/api/workforce/plans")
    List<SystemResponse> systems() {
        return Arrays.stream(IntegratedCareSystem.values())
                .map(ics -> new SystemResponse(ics.code(), ics.boardName())).toList();
    }

    @GetMapping("/api/workforce/plans/{icsCode}")
    PlanView get(@PathVariable String icsCode) {
        IntegratedCareSystem ics = require(icsCode);
        PlanView plan = mongo.findById(ics.code(), PlanView.class);
        return plan != null ? plan : new PlanView(ics.code(), ics.boardName(), Map.of(), null, -1);
    }

    @PostMapping("/api/workforce/plans/{icsCode}/actions")
    @PreAuthorize(CHANGERS)
    ResponseEntity<PlanView> addAction(@PathVariable String icsCode, @Valid @RequestBody AddActionRequest request) {
        IntegratedCareSystem ics = require(icsCode);
        UUID actionId = UUID.randomUUID();

        commands.sendAndWait(new AddPlanActionCommand(ics.code(), actionId, request.title(), request.owner(),
                request.dueDate(), request.initiativeId()));
        log.info("Action {} added to the plan of {}", actionId, ics.code());

        return ResponseEntity.created(URI.create("/api/workforce/plans/" + ics.code() + "/actions/" + actionId))
                .header("X-Action-Id", actionId.toString())
                .body(projected(ics.code()));
    }

    @PostMapping("/api/workforce/plans/{icsCode}/actions/{actionId}/status")
    @PreAuthorize(CHANGERS)
    PlanView changeStatus(@PathVariable String icsCode, @PathVariable UUID actionId,
            @Valid @RequestBody ChangeActionStatusRequest request) {
        IntegratedCareSystem ics = require(icsCode);
        commands.sendAndWait(new ChangePlanActionStatusCommand(ics.code(), actionId, request.status(), request.reason()));
        return projected(ics.code());
    }

    private static IntegratedCareSystem require(String icsCode) {
        return IntegratedCareSystem.fromCode(icsCode).orElseThrow(() -> new NotFoundException("'" + icsCode
                + "' is not the code of an Integrated Care System of the network. Use one of "
                + IntegratedCareSystem.codes() + "."));
    }

    /** Waits until the plan's query model has caught up with its last stored event, then returns it. */
    private PlanView projected(String icsCode) {
        long stored = eventStore.lastSequenceNumberFor(icsCode).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        PlanView plan = mongo.findById(icsCode, PlanView.class);
        while ((plan == null || plan.version() < stored) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            plan = mongo.findById(icsCode, PlanView.class);
        }
        if (plan == null) {
            throw new NotFoundException("The plan of " + icsCode + " is stored but not yet readable. Read it again in a moment.");
        }
        return plan;
    }
}
