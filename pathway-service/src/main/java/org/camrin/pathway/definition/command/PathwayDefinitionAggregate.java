package org.camrin.pathway.definition.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.pathway.definition.api.AdoptionOutcome;
import org.camrin.pathway.definition.api.DefinitionCommands.AdoptPathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.CreatePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.PublishPathwayCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RetirePathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.RevisePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayDraftedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayPublishedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionAdoptedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionRetiredEvent;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.definition.command.DefinitionRuleViolations.AdoptionBackdatedException;
import org.camrin.pathway.definition.command.DefinitionRuleViolations.NoDraftToPublishException;
import org.camrin.pathway.definition.command.DefinitionRuleViolations.VersionInUseException;
import org.camrin.pathway.definition.command.DefinitionRuleViolations.VersionNotAdoptableException;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;

/**
 * A pathway definition with all its versions. At most one version is a draft; published
 * versions never change, so a change to a published pathway drafts the next version. Each trust
 * uses one adopted version at a time.
 */
@Aggregate
class PathwayDefinitionAggregate {

    static final String CODE_PATTERN = "[A-Z][A-Z0-9-]{1,39}";
    static final String STEP_KEY_PATTERN = "[a-z][a-z0-9-]{0,39}";
    static final int MAX_STEPS = 30;
    static final int MAX_TEXT_LENGTH = 200;
    /**
     * Maximum step target. National imaging targets run to weeks, not years, and the bound keeps
     * every due time (start plus target) a representable instant.
     */
    static final Duration MAX_TARGET = Duration.ofDays(400);
    /** Earliest adoption date accepted; no network pathway applied before this. */
    static final LocalDate EARLIEST_EFFECTIVE_FROM = LocalDate.of(2000, 1, 1);
    /** How far ahead of today an adoption may be planned; also keeps the date storable as a MongoDB date. */
    static final Period MAX_EFFECTIVE_AHEAD = Period.ofYears(5);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String code;
    private Integer draftVersion;
    private Content draft;
    private int latestVersion;
    private final Set<Integer> published = new HashSet<>();
    private final Set<Integer> retired = new HashSet<>();
    /** Current adoption of each trust: version and the date it applies from. */
    private final Map<String, Adoption> adoptions = new HashMap<>();

    private record Adoption(int version, LocalDate effectiveFrom) {
    }

    @CommandHandler
    PathwayDefinitionAggregate(CreatePathwayDraftCommand command) {
        String validCode = requireCode(command.code());
        Content content = Content.validate(command.name(), command.clinicalArea(), command.steps(), command.standards());

        apply(new PathwayDraftedEvent(validCode, 1, content.name(), content.clinicalArea(), content.steps(),
                content.standards()));
    }

    @CommandHandler
    void handle(RevisePathwayDraftCommand command) {
        Content content = Content.validate(command.name(), command.clinicalArea(), command.steps(), command.standards());
        int version = draftVersion != null ? draftVersion : latestVersion + 1;

        apply(new PathwayDraftedEvent(code, version, content.name(), content.clinicalArea(), content.steps(),
                content.standards()));
    }

    @CommandHandler
    void handle(PublishPathwayCommand command) {
        if (draftVersion == null) {
            throw new NoDraftToPublishException(code, latestVersion);
        }

        apply(new PathwayPublishedEvent(code, draftVersion, draft.name(), draft.clinicalArea(), draft.steps(),
                draft.standards()));
    }

    @CommandHandler
    void handle(RetirePathwayVersionCommand command) {
        requirePublished(command.version());
        if (retired.contains(command.version())) {
            return;
        }
        List<String> users = adoptions.entrySet().stream()
                .filter(entry -> entry.getValue().version() == command.version())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!users.isEmpty()) {
            throw new VersionInUseException(code, command.version(), users);
        }

        apply(new PathwayVersionRetiredEvent(code, command.version(), optionalText("reason", command.reason())));
    }

    /** Returns whether the adoption was stored or the trust already used that version from an earlier date. */
    @CommandHandler
    AdoptionOutcome handle(AdoptPathwayVersionCommand command) {
        String trust = NetworkTrust.fromOdsCode(command.trust())
                .map(NetworkTrust::odsCode)
                .orElseThrow(() -> new InvalidInputException("trust", "'" + command.trust()
                        + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes() + "."));
        requirePublished(command.version());
        if (retired.contains(command.version())) {
            throw new VersionNotAdoptableException(code, command.version());
        }
        requireEffectiveFrom(command.effectiveFrom());
        Adoption current = adoptions.get(trust);
        // The back-dating rule comes first, so a repeat of the current version with an earlier date is
        // rejected rather than silently ignored.
        if (current != null && command.effectiveFrom().isBefore(current.effectiveFrom())) {
            throw new AdoptionBackdatedException(trust, command.effectiveFrom(), current.version(),
                    current.effectiveFrom());
        }
        if (current != null && current.version() == command.version()) {
            return AdoptionOutcome.ALREADY_ADOPTED;
        }

        apply(new PathwayVersionAdoptedEvent(code, trust, command.version(), command.effectiveFrom(),
                current == null ? null : current.version()));
        return AdoptionOutcome.ADOPTED;
    }

    private static void requireEffectiveFrom(LocalDate effectiveFrom) {
        if (effectiveFrom == null) {
            throw new InvalidInputException("effectiveFrom", "Send the date the version applies from as YYYY-MM-DD.");
        }
        LocalDate latest = LocalDate.now(UK).plus(MAX_EFFECTIVE_AHEAD);
        if (effectiveFrom.isBefore(EARLIEST_EFFECTIVE_FROM) || effectiveFrom.isAfter(latest)) {
            throw new InvalidInputException("effectiveFrom", "The date " + effectiveFrom + " is outside the accepted "
                    + "range; send a date from " + EARLIEST_EFFECTIVE_FROM + " to " + latest + ".");
        }
    }

    private void requirePublished(int version) {
        if (!published.contains(version)) {
            throw new NotFoundException("Pathway " + code + " has no published version " + version
                    + ". Published versions: " + new java.util.TreeSet<>(published) + ".");
        }
    }

    private static String requireCode(String code) {
        if (code == null || !code.matches(CODE_PATTERN)) {
            throw new InvalidInputException("code", "Send a code of 2 to 40 upper-case letters, digits and hyphens "
                    + "starting with a letter, for example NOLCP-IMAGING.");
        }
        return code;
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Must not be blank.");
        }
        return optionalText(field, value);
    }

    private static String optionalText(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(field, "Must be at most " + MAX_TEXT_LENGTH + " characters, but has "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }

    /** Checked content of a draft: name, area, steps in order and standards served. */
    record Content(String name, String clinicalArea, List<PathwayStep> steps, List<String> standards) {

        static Content validate(String name, String clinicalArea, List<PathwayStep> steps, List<String> standards) {
            String validName = requireText("name", name);
            String validArea = requireText("clinicalArea", clinicalArea);
            if (steps == null || steps.isEmpty()) {
                throw new InvalidInputException("steps", "Send at least one step with a key, a name and a target.");
            }
            if (steps.size() > MAX_STEPS) {
                throw new InvalidInputException("steps", "Send at most " + MAX_STEPS + " steps, not " + steps.size() + ".");
            }
            List<PathwayStep> validSteps = new ArrayList<>();
            Set<String> earlierKeys = new LinkedHashSet<>();
            for (int i = 0; i < steps.size(); i++) {
                PathwayStep step = steps.get(i);
                String field = "steps[" + i + "]";
                if (step == null) {
                    throw new InvalidInputException(field, "Send a step, not null.");
                }
                if (step.key() == null || !step.key().matches(STEP_KEY_PATTERN)) {
                    throw new InvalidInputException(field + ".key", "Send a key of lower-case letters, digits and "
                            + "hyphens starting with a letter, at most 40 characters, for example ct-performed.");
                }
                if (earlierKeys.contains(step.key())) {
                    throw new InvalidInputException(field + ".key", "Step key '" + step.key()
                            + "' is used twice; each step needs its own key.");
                }
                Duration target = step.target();
                if (target == null || target.isNegative() || target.isZero()) {
                    throw new InvalidInputException(field + ".target", "Send a positive ISO-8601 duration, "
                            + "for example PT72H or P28D.");
                }
                if (target.compareTo(MAX_TARGET) > 0) {
                    throw new InvalidInputException(field + ".target", "The target " + target + " is longer than "
                            + "the maximum of " + MAX_TARGET.toDays() + " days; send P" + MAX_TARGET.toDays()
                            + "D or less.");
                }
                String from = step.measuredFrom() == null || step.measuredFrom().isBlank() ? null : step.measuredFrom();
                if (from != null && !earlierKeys.contains(from)) {
                    throw new InvalidInputException(field + ".measuredFrom", "'" + from + "' is not the key of an "
                            + "earlier step. Measure from one of " + earlierKeys + " or leave it out for the pathway start.");
                }
                validSteps.add(new PathwayStep(step.key(), requireText(field + ".name", step.name()), target, from));
                earlierKeys.add(step.key());
            }
            List<String> validStandards = new ArrayList<>();
            for (String standard : standards == null ? List.<String>of() : standards) {
                String text = requireText("standards", standard);
                if (!validStandards.contains(text)) {
                    validStandards.add(text);
                }
            }
            return new Content(validName, validArea, List.copyOf(validSteps), List.copyOf(validStandards));
        }
    }

    @EventSourcingHandler
    void on(PathwayDraftedEvent event) {
        code = event.code();
        draftVersion = event.version();
        latestVersion = Math.max(latestVersion, event.version());
        draft = new Content(event.name(), event.clinicalArea(), event.steps(), event.standards());
    }

    @EventSourcingHandler
    void on(PathwayPublishedEvent event) {
        published.add(event.version());
        draftVersion = null;
        draft = null;
    }

    @EventSourcingHandler
    void on(PathwayVersionRetiredEvent event) {
        retired.add(event.version());
    }

    @EventSourcingHandler
    void on(PathwayVersionAdoptedEvent event) {
        adoptions.put(event.trust(), new Adoption(event.version(), event.effectiveFrom()));
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    PathwayDefinitionAggregate() {
    }
}
