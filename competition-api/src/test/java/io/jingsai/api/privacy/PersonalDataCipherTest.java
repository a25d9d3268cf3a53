package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    private static final SecretKey K1 = aes(1);
    private static final SecretKey K2 = aes(2);
    private static final SecretKey LOOKUP = new SecretKeySpec(new byte[32], "HmacSHA256");

    private final PersonalDataCipher onlyK1 = new PersonalDataCipher(Map.of("k1", K1), "k1", LOOKUP, new SecureRandom());
    private final PersonalDataCipher k2Added = new PersonalDataCipher(Map.of("k1", K1, "k2", K2), "k2", LOOKUP,
            new SecureRandom());
    private final PersonalDataCipher onlyK2 = new PersonalDataCipher(Map.of("k2", K2), "k2", LOOKUP, new SecureRandom());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void whatIsSealedOpensAgainUnderAnyKeyringThatHasItsKey(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String value = randomText(random);
            String sealed = onlyK1.seal(value);

            assertThat(sealed).startsWith("k1:");
            if (value.length() >= 12) {
                assertThat(sealed).doesNotContain(value);
            }
            assertThat(onlyK1.open(sealed)).isEqualTo(value);
            assertThat(k2Added.open(sealed)).isEqualTo(value);
            assertThat(k2Added.seal(k2Added.open(sealed))).startsWith("k2:");
        }
    }

    @Test
    void equalValuesSealDifferentlyButHashTheSame() {
        Set<String> sealed = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            sealed.add(onlyK1.seal("11010519491231002X"));
        }
        assertThat(sealed).hasSize(100);
        assertThat(onlyK1.lookupHash("11010519491231002X")).isEqualTo(k2Added.lookupHash("11010519491231002X"))
                .hasSize(64).isNotEqualTo(onlyK1.lookupHash("110105194912310029"));
    }

    @Test
    void aValueUnderAKeyNoLongerConfiguredOrChangedIsRefusedWithoutShowingIt() {
        String sealed = onlyK1.seal("13800138000");
        assertThatThrownBy(() -> onlyK2.open(sealed)).isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageContaining("k1").hasMessageNotContaining("13800138000");

        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> onlyK1.open(tampered)).isInstanceOf(UnreadablePersonalDataException.class);
        // the key id is authenticated: a value relabelled with another id does not open under that key either
        String relabelled = "k2:" + sealed.substring(3);
        assertThatThrownBy(() -> k2Added.open(relabelled)).isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> onlyK1.open("13800138000")).isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageNotContaining("13800138000");
    }

    @Test
    void nullStaysNull() {
        assertThat(onlyK1.seal(null)).isNull();
        assertThat(onlyK1.open(null)).isNull();
    }

    @Test
    void theLookupHashIsHmacSha256AsRfc4231Defines() {
        // RFC 4231 test case 6: a 131-byte key of 0xaa, larger than the block size
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", K1), "k1",
                new SecretKeySpec(key, "HmacSHA256"), new SecureRandom());

        assertThat(cipher.lookupHash("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void anActiveKeyThatIsNotConfiguredIsAConfigurationError() {
        assertThatThrownBy(() -> onlyK1.withActiveKey("k9")).isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("k9");
    }

    private static SecretKey aes(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append(random.nextBoolean() ? (char) ('0' + random.nextInt(10)) : (char) (0x4E00 + random.nextInt(500)));
        }
        return text.toString();
    }
}
