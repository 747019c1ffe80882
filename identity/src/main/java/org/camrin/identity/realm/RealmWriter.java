package org.camrin.identity.realm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line tool that writes the merged realm as pretty-printed JSON, for Keycloak's
 * {@code kc.sh import --file} or its {@code data/import} folder.
 *
 * <p>Usage: {@code RealmWriter --development|--production OUTPUT_FILE}.
 */
public final class RealmWriter {

    static final String USAGE = """
            Usage: RealmWriter --development|--production OUTPUT_FILE
              --development  the production realm plus the camrin-cli client and the demo users
              --production   the production realm only
              OUTPUT_FILE    the JSON file to write; missing parent folders are created""";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RealmWriter() {
    }

    public static void main(String[] args) throws IOException {
        int status = run(args, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Writes the realm named by the arguments and returns the process exit status. */
    static int run(String[] args, PrintStream err) throws IOException {
        if (args.length != 2) {
            err.println("Expected 2 arguments, got " + args.length + ".");
            err.println(USAGE);
            return 2;
        }

        ObjectNode realm;
        switch (args[0]) {
            case "--development" -> realm = RealmFiles.development();
            case "--production" -> realm = RealmFiles.production();
            default -> {
                err.println("Invalid option " + args[0] + ": expected --development or --production.");
                err.println(USAGE);
                return 2;
            }
        }

        Path output = Path.of(args[1]);
        write(realm, output);
        err.println("Wrote realm " + RealmFiles.REALM_NAME + " (" + args[0].substring(2) + ") to " + output.toAbsolutePath());
        return 0;
    }

    /** Writes {@code realm} to {@code file} as pretty-printed JSON, creating missing parent folders. */
    public static void write(ObjectNode realm, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), realm);
    }
}
