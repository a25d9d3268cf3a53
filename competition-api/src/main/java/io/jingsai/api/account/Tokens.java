package io.jingsai.api.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * Short-lived signed bearer tokens (JWT, HMAC-SHA256). The key is {@code jingsai.security.token-key} (Base64, at
 * least 32 bytes); when none is set, one is generated at first start and kept in
 * {@code jingsai.security.token-key-file} (readable by its owner only), so tokens survive a restart. A token names
 * its account ({@code sub}) and its sign-in session ({@code sid}); the session is looked up on every request, so a
 * revoked one is refused at once, whatever the token's expiry.
 */
@Component
public class Tokens {

    static final String ISSUER = "jingsai";
    public static final String SESSION_CLAIM = "sid";
    private static final Logger log = LoggerFactory.getLogger(Tokens.class);

    private final SecretKey key;
    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration accessTtl;

    @Autowired
    Tokens(@Value("${jingsai.security.token-key:}") String configuredKey,
           @Value("${jingsai.security.token-key-file:./data/token-signing.key}") Path keyFile,
           @Value("${jingsai.security.access-token-ttl:15m}") Duration accessTtl,
           Clock clock) {
        this(new SecretKeySpec(keyBytes(configuredKey, keyFile), "HmacSHA256"), accessTtl, clock);
    }

    Tokens(SecretKey key, Duration accessTtl, Clock clock) {
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.clock = clock;
        this.accessTtl = accessTtl;
    }

    Duration accessTtl() {
        return accessTtl;
    }

    String issue(Caller caller, UUID session) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(String.valueOf(caller.accountId()))
                .claim(SESSION_CLAIM, session.toString())
                .claim("name", caller.username())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(accessTtl))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** Checks signature, issuer and expiry (by the application clock, no leeway: the issuer is this server). */
    public ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(List.of(expiry,
                new JwtIssuerValidator(ISSUER))));
        return decoder;
    }

    private static byte[] keyBytes(String configured, Path file) {
        if (!configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.trim()), "jingsai.security.token-key");
        }
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            restrict(file);
            log.info("No token key configured: generated one and kept it in {}", file);
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the token key file " + file
                    + ": set JINGSAI_TOKEN_KEY or a writable JINGSAI_TOKEN_KEY_FILE", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("The file system of {} has no POSIX permissions", file);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length < 32) {
            throw new IllegalStateException("the token key from " + source + " is shorter than 32 bytes");
        }
        return key;
    }
}
