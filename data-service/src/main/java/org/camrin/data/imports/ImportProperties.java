package org.camrin.data.imports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Import settings, from {@code camrin.data}.
 *
 * @param seedDir     folder of CSV files imported on start when they have not been imported yet,
 *                    relative to the working directory; the copies packaged in the jar are used
 *                    when it does not exist
 * @param seedEnabled whether to import the seed files on start
 */
@ConfigurationProperties("camrin.data")
public record ImportProperties(Path seedDir, Boolean seedEnabled) {

    public ImportProperties {
        seedDir = seedDir == null ? Path.of("data", "dm01-2020") : seedDir;
        seedEnabled = seedEnabled == null || seedEnabled;
    }
}
