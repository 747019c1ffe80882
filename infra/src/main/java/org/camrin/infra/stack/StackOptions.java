package org.camrin.infra.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link StackMain}: {@code --name value} pairs after the part name. */
final class StackOptions {

    /** Signals an invalid command-line argument. The message names the argument and the reason. */
    static final class InvalidOptionException extends RuntimeException {
        InvalidOptionException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values;

    private StackOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code --name value} pairs, accepting only the names in {@code allowedNames}.
     *
     * @throws InvalidOptionException for an unknown or repeated option, or an option without a value
     */
    static StackOptions parse(String[] arguments, Set<String> allowedNames) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length; i += 2) {
            String argument = arguments[i];
            if (!argument.startsWith("--") || !allowedNames.contains(argument.substring(2))) {
                throw new InvalidOptionException("Unknown option: " + argument);
            }
            String name = argument.substring(2);
            if (i + 1 >= arguments.length) {
                throw new InvalidOptionException("Missing value for option " + argument);
            }
            if (values.put(name, arguments[i + 1]) != null) {
                throw new InvalidOptionException("Option " + argument + " is given more than once");
            }
        }
        return new StackOptions(values);
    }

    /**
     * Returns the port in option {@code name}, or {@code defaultPort} when the option is absent.
     *
     * @throws InvalidOptionException when the value is not a number from 1 to 65535
     */
    int port(String name, int defaultPort) {
        String value = values.get(name);
        if (value == null) {
            return defaultPort;
        }
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidOptionException("Invalid --" + name + ": " + value + " is not a port number");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidOptionException("Invalid --" + name + ": " + value + " is outside 1 to 65535");
        }
        return port;
    }

    /**
     * Returns the path in option {@code name}.
     *
     * @throws InvalidOptionException when the option is absent or empty
     */
    Path requiredPath(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidOptionException("Missing option --" + name);
        }
        return Path.of(value);
    }
}
