package io.jingsai.api.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.jingsai.api.database.DatabaseSettings;

/**
 * Where the personal-data keys come from. Each of the two settings is taken from configuration when set:
 * <ul>
 *   <li>{@code JINGSAI_DATA_KEYS} ({@code jingsai.privacy.data-keys}): the AES-256 keys, {@code id:base64,…}; the
 *       active one is {@code JINGSAI_DATA_KEY_ID} ({@code jingsai.privacy.active-key}), by default the last listed;</li>
 *   <li>{@code JINGSAI_LOOKUP_KEY} ({@code jingsai.privacy.lookup-key}): the HMAC key of the lookup hashes, base64,
 *       at least 32 bytes.</li>
 * </ul>
 * A setting left unset is read from the key file ({@code JINGSAI_KEY_FILE}, by default {@code personal-data.keys}
 * next to the embedded database's data directory, so {@code ./data/personal-data.keys}), which is generated with
 * fresh random keys the first time, with a warning: like the database files, it must be kept and backed up, since
 * without it the sealed values cannot be read. Keys never appear in the log.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyKeys {

    static final String DATA_KEYS = "jingsai.privacy.data-keys";
    static final String ACTIVE_KEY = "jingsai.privacy.active-key";
    static final String LOOKUP_KEY = "jingsai.privacy.lookup-key";
    static final String KEY_FILE = "jingsai.privacy.key-file";
    static final String KEY_FILE_NAME = "personal-data.keys";
    private static final String GENERATED_KEY_ID = "g1";
    private static final Logger log = LoggerFactory.getLogger(PrivacyKeys.class);

    @Bean
    PersonalDataCipher personalDataCipher(Environment environment) {
        SecureRandom random = new SecureRandom();
        String dataKeys = environment.getProperty(DATA_KEYS, "").strip();
        String activeKey = environment.getProperty(ACTIVE_KEY, "").strip();
        String lookupKey = environment.getProperty(LOOKUP_KEY, "").strip();
        if (dataKeys.isEmpty() || lookupKey.isEmpty()) {
            Properties file = keyFile(keyFilePath(environment), random);
            if (dataKeys.isEmpty()) {
                dataKeys = file.getProperty("data-keys", "");
                activeKey = activeKey.isEmpty() ? file.getProperty("active-key", "") : activeKey;
            }
            lookupKey = lookupKey.isEmpty() ? file.getProperty("lookup-key", "") : lookupKey;
        }
        Map<String, SecretKey> keys = parseDataKeys(dataKeys);
        String active = activeKey.isEmpty() ? keys.keySet().stream().reduce((first, last) -> last).orElseThrow()
                : activeKey;
        return new PersonalDataCipher(keys, active, parseLookupKey(lookupKey), random);
    }

    /** {@code id:base64} pairs, separated by commas or white space, in order. */
    static Map<String, SecretKey> parseDataKeys(String setting) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : setting.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!PersonalDataCipher.KEY_ID.matcher(id).matches()) {
                throw new KeyConfigurationException("JINGSAI_DATA_KEYS: each key is id:base64, the id 1 to 20 "
                        + "letters, digits or hyphens");
            }
            byte[] bytes = decode(entry.substring(colon + 1), "JINGSAI_DATA_KEYS (key " + id + ")");
            if (bytes.length != PersonalDataCipher.KEY_BYTES) {
                throw new KeyConfigurationException("JINGSAI_DATA_KEYS: key " + id + " must be 32 bytes (AES-256), "
                        + "base64-encoded, e.g. from `openssl rand -base64 32`");
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new KeyConfigurationException("JINGSAI_DATA_KEYS: key id " + id + " is given twice");
            }
        }
        if (keys.isEmpty()) {
            throw new KeyConfigurationException("JINGSAI_DATA_KEYS names no key");
        }
        return keys;
    }

    static SecretKey parseLookupKey(String setting) {
        byte[] bytes = decode(setting, "JINGSAI_LOOKUP_KEY");
        if (bytes.length < PersonalDataCipher.KEY_BYTES) {
            throw new KeyConfigurationException("JINGSAI_LOOKUP_KEY must be at least 32 bytes, base64-encoded");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] decode(String base64, String setting) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new KeyConfigurationException(setting + " is not base64");
        }
    }

    static Path keyFilePath(Environment environment) {
        String configured = environment.getProperty(KEY_FILE, "").strip();
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String dataDir = environment.getProperty(DatabaseSettings.DATA_DIR_ENV,
                environment.getProperty(DatabaseSettings.DATA_DIR_PROPERTY, DatabaseSettings.DEFAULT_DATA_DIR));
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        Path parent = data.getParent() == null ? data : data.getParent();
        return parent.resolve(KEY_FILE_NAME);
    }

    /** The key file, created with fresh keys (readable by its owner only) when it does not exist yet. */
    static Properties keyFile(Path path, SecureRandom random) {
        try {
            if (!Files.exists(path)) {
                generate(path, random);
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new KeyConfigurationException("cannot read or create the personal-data key file " + path
                    + "; set JINGSAI_DATA_KEYS and JINGSAI_LOOKUP_KEY, or JINGSAI_KEY_FILE", e);
        }
    }

    private static void generate(Path path, SecureRandom random) throws IOException {
        Files.createDirectories(path.getParent());
        Properties keys = new Properties();
        keys.setProperty("data-keys", GENERATED_KEY_ID + ":" + randomKey(random));
        keys.setProperty("lookup-key", randomKey(random));
        Path partial = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial);
        }
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            keys.store(writer, "Jingsai personal-data keys, generated: keep and back up with the database");
        }
        try {
            Files.move(partial, path);
        } catch (FileAlreadyExistsException e) {
            // another instance on the same data directory generated it first: use theirs
            Files.deleteIfExists(partial);
            return;
        }
        log.warn("No JINGSAI_DATA_KEYS / JINGSAI_LOOKUP_KEY set: generated personal-data keys in {}. Keep this file "
                + "and back it up with the database: without it the ID numbers and phones stored cannot be read. "
                + "See docs/privacy.md.", path);
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[PersonalDataCipher.KEY_BYTES];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
