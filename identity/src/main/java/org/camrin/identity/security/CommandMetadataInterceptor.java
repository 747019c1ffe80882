package org.camrin.identity.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Adds who sent a command, for which trust, and the request's correlation id to the command's
 * metadata. Axon's correlation data providers then copy these keys onto every event the command
 * applies, so each stored event records the actor behind it.
 *
 * <p>Commands sent outside a request (seeding at start-up, imports from the command line) keep
 * the metadata their sender set.
 */
public final class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String USER_ID = "userId";
    public static final String USERNAME = "username";
    public static final String TRUST = "trust";
    public static final String CORRELATION_ID = "correlationId";

    /** Metadata keys that Axon copies from a command onto the events it causes. */
    public static final List<String> KEYS = List.of(USER_ID, USERNAME, TRUST, CORRELATION_ID);

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> CurrentUser.find()
                .<CommandMessage<?>>map(user -> command.andMetaData(metadataFor(user)))
                .orElse(command);
    }

    private static Map<String, Object> metadataFor(CamrinUser user) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(USER_ID, user.userId());
        metadata.put(USERNAME, user.username());
        user.trust().ifPresent(trust -> metadata.put(TRUST, trust));
        metadata.put(CORRELATION_ID, CorrelationIdFilter.current());
        return metadata;
    }

    /** Metadata for commands the platform sends on its own behalf, such as start-up seeding. */
    public static Map<String, Object> systemMetadata(String reason) {
        return Map.of(USER_ID, "system", USERNAME, "system", CORRELATION_ID, reason);
    }
}
