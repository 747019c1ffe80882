package org.camrin.support.axon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.camrin.support.web.NotFoundException;
import org.camrin.support.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists a service's event processors and replays one from the first stored event, which drops
 * and rebuilds its query models. Network admins only.
 */
@RestController
@RequestMapping("/api/admin/${camrin.service-name}/processors")
@PreAuthorize("hasRole('network-admin')")
public class EventProcessorAdminController {

    private static final Logger log = LoggerFactory.getLogger(EventProcessorAdminController.class);

    private final EventProcessingConfiguration processing;

    EventProcessorAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** State of one streaming processor; positions are global event-store sequence numbers. */
    record ProcessorStatus(String name, boolean running, boolean replaying, List<Long> segmentPositions) {
    }

    @GetMapping
    List<ProcessorStatus> list() {
        List<ProcessorStatus> result = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                result.add(status(entry.getKey(), streaming));
            }
        }
        return result;
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorStatus> replay(@PathVariable String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("No streaming event processor is called '" + name
                        + "'. List them with GET on this path without the name."));
        if (!processor.supportsReset()) {
            throw new ReplayNotSupportedException(name);
        }

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        log.info("Event processor {} replays from the first event", name);

        return ResponseEntity.accepted().body(status(name, processor));
    }

    private static ProcessorStatus status(String name, StreamingEventProcessor processor) {
        List<Long> positions = processor.processingStatus().values().stream()
                .map(segment -> segment.getCurrentPosition().orElse(-1L))
                .toList();
        return new ProcessorStatus(name, processor.isRunning(), processor.isReplaying(), positions);
    }

    static final class ReplayNotSupportedException extends RuleViolationException {
        ReplayNotSupportedException(String name) {
            super("Event processor '" + name + "' does not support a replay.");
        }
    }
}
