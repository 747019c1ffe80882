package org.camrin.pathway.patient.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Replaces an NHS number with a keyed pseudonym, HMAC-SHA256 under a secret from configuration.
 * The same number always gives the same pseudonym, so a patient's pathways can be linked, while
 * only a holder of the secret can compute it from a number.
 */
@Component
public class Pseudonymiser {

    static final int MIN_SECRET_LENGTH = 32;
    /** The default of {@code camrin.pathway.pseudonym-secret} in application.yml, which is public. */
    static final String DEVELOPMENT_SECRET = "dev-only-pseudonym-secret-do-not-use-in-production";
    static final String SECRET_ENVIRONMENT_VARIABLE = "PATHWAY_PSEUDONYM_SECRET";

    private static final Logger log = LoggerFactory.getLogger(Pseudonymiser.class);

    private final SecretKeySpec key;

    Pseudonymiser(@Value("${camrin.pathway.pseudonym-secret}") String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("camrin.pathway.pseudonym-secret must have at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            // Anyone can compute the HMAC of all 10-digit NHS numbers under a public key, so every
            // pseudonym made with it can be reversed.
            log.warn("camrin.pathway.pseudonym-secret is the public development default, so pseudonyms are "
                    + "reversible by anyone. Set the environment variable {} to a private secret of at least {} "
                    + "characters outside a developer's machine.", SECRET_ENVIRONMENT_VARIABLE, MIN_SECRET_LENGTH);
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Returns the pseudonym of a valid NHS number as 64 lower-case hex digits. */
    public String pseudonymOf(String nhsNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(nhsNumber.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", impossible);
        }
    }
}
