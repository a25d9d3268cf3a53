package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class PrivacyKeysTest {

    private static final String KEY_A = "8oThB/ThlhfsJLIfTjWL84zUfWIcz32IAu5fMKwe2fo=";
    private static final String KEY_B = "eRuYIO9fVBgqOLpDO3+UL71lI4qHBxc/yNAFCe5ssQ8=";

    private final PrivacyKeys keys = new PrivacyKeys();

    @Test
    void withoutKeysAKeyFileIsGeneratedNextToTheDataDirectoryOnceAndKeptWithoutLoggingAKey(@TempDir Path data,
                                                                                       CapturedOutput log)
            throws IOException {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("jingsai.db.embedded.data-dir", data.resolve("postgres").toString());

        PersonalDataCipher first = keys.personalDataCipher(environment);
        PersonalDataCipher second = keys.personalDataCipher(environment);

        Path file = data.resolve("personal-data.keys");
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(second.open(first.seal("13800138000"))).isEqualTo("13800138000");
        assertThat(second.lookupHash("x")).isEqualTo(first.lookupHash("x"));
        Properties stored = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        }
        String dataKey = stored.getProperty("data-keys").substring(3);
        assertThat(log.getAll()).containsOnlyOnce("generated personal-data keys in " + file)
                .doesNotContain(dataKey, stored.getProperty("lookup-key"));
    }

    @Test
    void configuredKeysWinAndTheLastListedIsActiveUnlessOneIsNamed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(PrivacyKeys.DATA_KEYS, "old:" + KEY_A + ", new:" + KEY_B)
                .withProperty(PrivacyKeys.LOOKUP_KEY, KEY_A)
                .withProperty(PrivacyKeys.KEY_FILE, "/nonexistent/never/written");

        assertThat(keys.personalDataCipher(environment).activeKeyId()).isEqualTo("new");
        environment.setProperty(PrivacyKeys.ACTIVE_KEY, "old");
        assertThat(keys.personalDataCipher(environment).activeKeyId()).isEqualTo("old");
        environment.setProperty(PrivacyKeys.ACTIVE_KEY, "other");
        assertThatThrownBy(() -> keys.personalDataCipher(environment)).isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("other");
    }

    @Test
    void badKeySettingsAreRefusedNamingTheSettingButNeverTheKey() {
        String shortKey = "c2hvcnQ=";
        for (String setting : Set.of("k1:" + shortKey, "k1:not base64!", "k_1:" + KEY_A, "k1:" + KEY_A + ",k1:" + KEY_B,
                KEY_A, " ")) {
            assertThatThrownBy(() -> PrivacyKeys.parseDataKeys(setting)).as(setting)
                    .isInstanceOf(KeyConfigurationException.class)
                    .hasMessageContaining("JINGSAI_DATA_KEYS")
                    .hasMessageNotContaining(KEY_A).hasMessageNotContaining(shortKey);
        }
        assertThatThrownBy(() -> PrivacyKeys.parseLookupKey(shortKey)).isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("JINGSAI_LOOKUP_KEY").hasMessageNotContaining(shortKey);
    }
}
