package org.camrin.pathway.patient.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per-patient AES-256 keys kept in MongoDB, outside the append-only event store. Events carry
 * only a random key id and the pseudonym encrypted under the patient's key. Deleting the key on
 * erasure leaves the stored events unreadable and unlinkable (crypto-shredding).
 *
 * <p>A second collection maps the pseudonym to the key id so all pathways of one patient share a
 * key and can be erased together. Both lookups are by {@code _id}.
 */
@Component
public class PatientKeyStore {

    private static final Logger log = LoggerFactory.getLogger(PatientKeyStore.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();

    PatientKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Key material of one patient and the pathways started under it. */
    @Document("patient_keys")
    record PatientKeyDocument(@Id String id, String key, List<String> pathwayIds, Instant createdAt) {
    }

    /** Link from a pseudonym to its patient's key id. */
    @Document("patient_key_links")
    record PatientKeyLink(@Id String pseudonym, String keyId) {
    }

    /** Returns the key id of the patient with this pseudonym, creating the key on first use. */
    public String keyIdFor(String pseudonym) {
        PatientKeyLink link = mongo.findById(pseudonym, PatientKeyLink.class);
        if (link != null) {
            return link.keyId();
        }
        byte[] material = new byte[32];
        random.nextBytes(material);
        String keyId = UUID.randomUUID().toString();
        mongo.insert(new PatientKeyDocument(keyId, Base64.getEncoder().encodeToString(material), List.of(),
                Instant.now()));
        try {
            mongo.insert(new PatientKeyLink(pseudonym, keyId));
            return keyId;
        } catch (DuplicateKeyException raced) {
            // Another request created this patient's key a moment ago; use that one.
            mongo.remove(Query.query(Criteria.where("_id").is(keyId)), PatientKeyDocument.class);
            return mongo.findById(pseudonym, PatientKeyLink.class).keyId();
        }
    }

    /** Records that a pathway was started under a key, so erasing the patient finds it. */
    public void addPathway(String keyId, String pathwayId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(keyId)), new Update().addToSet("pathwayIds", pathwayId),
                PatientKeyDocument.class);
    }

    /** Encrypts text with AES-GCM under the patient's key; the result is Base64 of IV and ciphertext. */
    public String encrypt(String keyId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(keyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM encryption failed for key " + keyId, failure);
        }
    }

    /** Decrypts text sealed by {@link #encrypt}; empty once the patient's key has been erased. */
    public Optional<String> decrypt(String keyId, String sealedText) {
        PatientKeyDocument document = mongo.findById(keyId, PatientKeyDocument.class);
        if (document == null || sealedText == null) {
            return Optional.empty();
        }
        byte[] sealed = Base64.getDecoder().decode(sealedText);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey(document), new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES),
                    StandardCharsets.UTF_8));
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("AES-GCM decryption failed for key " + keyId, failure);
        }
    }

    /**
     * Deletes the key and the link of the patient with this pseudonym. Returns the pathways
     * started under the key, or empty when the patient has no key.
     */
    public Optional<List<String>> erase(String pseudonym) {
        PatientKeyLink link = mongo.findById(pseudonym, PatientKeyLink.class);
        if (link == null) {
            return Optional.empty();
        }
        PatientKeyDocument document = mongo.findById(link.keyId(), PatientKeyDocument.class);
        List<String> pathways = document == null || document.pathwayIds() == null ? List.of() : document.pathwayIds();
        mongo.remove(Query.query(Criteria.where("_id").is(link.keyId())), PatientKeyDocument.class);
        mongo.remove(Query.query(Criteria.where("_id").is(pseudonym)), PatientKeyLink.class);
        log.info("Patient key {} erased with {} pathways", link.keyId(), pathways.size());
        return Optional.of(pathways);
    }

    private SecretKeySpec requireKey(String keyId) {
        PatientKeyDocument document = mongo.findById(keyId, PatientKeyDocument.class);
        if (document == null) {
            throw new IllegalStateException("Patient key " + keyId + " does not exist or was erased");
        }
        return secretKey(document);
    }

    private static SecretKeySpec secretKey(PatientKeyDocument document) {
        return new SecretKeySpec(Base64.getDecoder().decode(document.key()), "AES");
    }
}
