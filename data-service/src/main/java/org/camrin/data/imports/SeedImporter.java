package org.camrin.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camrin.data.imports.ImportService.ImportRequest;
import org.camrin.data.imports.parsing.FileRejectedException;
import org.camrin.data.imports.query.ImportStatusView;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Imports the published DM01 files on start, so a fresh installation shows real figures. Files
 * already imported are recognised by their checksum and change nothing, so every later start
 * only confirms them.
 */
@Component
public class SeedImporter {

    static final String CLASSPATH_SEED = "classpath:seed/dm01-2020/*.csv";

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final ImportService imports;
    private final ImportProperties properties;
    private final CompletableFuture<List<ImportStatusView>> done = new CompletableFuture<>();

    SeedImporter(ImportService imports, ImportProperties properties) {
        this.imports = imports;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importSeedFiles() {
        if (!properties.seedEnabled()) {
            done.complete(List.of());
            return;
        }
        Thread thread = new Thread(this::importAll, "data-seed-import");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the start-up import; returns each file's outcome. */
    public List<ImportStatusView> awaitCompletion(long seconds) throws Exception {
        return done.get(seconds, TimeUnit.SECONDS);
    }

    private void importAll() {
        List<ImportStatusView> outcomes = new ArrayList<>();
        try {
            for (Resource seed : seedFiles()) {
                outcomes.add(importOne(seed));
            }
            done.complete(outcomes);
        } catch (IOException | RuntimeException failure) {
            log.error("Start-up import of the DM01 files failed; import them with POST /api/data/imports", failure);
            done.completeExceptionally(failure);
        }
    }

    private ImportStatusView importOne(Resource seed) throws IOException {
        Path copy = Files.createTempFile("camrin-seed-", ".csv");
        try (InputStream input = seed.getInputStream()) {
            Files.copy(input, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            ImportStatusView outcome = imports.importNow(new ImportRequest(copy, seed.getFilename(), null, false,
                    "system", CommandMetadataInterceptor.systemMetadata("first-start-import")));
            log.info("Start-up import of {}: {}", seed.getFilename(), outcome.status());
            return outcome;
        } catch (FileRejectedException rejected) {
            log.error("Start-up import of {} rejected: {}", seed.getFilename(), rejected.getMessage());
            throw rejected;
        }
    }

    /** Lists the CSV files of the seed folder when it exists, else those packaged in the jar. */
    private List<Resource> seedFiles() throws IOException {
        Path folder = properties.seedDir().toAbsolutePath();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Resource> found = files.filter(file -> file.getFileName().toString().endsWith(".csv"))
                        .sorted()
                        .map(file -> (Resource) new org.springframework.core.io.FileSystemResource(file))
                        .toList();
                log.info("Start-up import reads {} files from {}", found.size(), folder);
                return found;
            }
        }
        Resource[] packaged = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_SEED);
        log.info("Seed folder {} not found; start-up import reads {} files packaged in the jar", folder, packaged.length);
        return Arrays.stream(packaged).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }
}
