package io.jingsai.api.privacy;

import java.security.Principal;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.RejectedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/privacy")
@Tag(name = "Privacy", description = "The reveal audit of personal data and the rotation of its encryption keys "
        + "(administrator only)")
class PrivacyController {

    private static final Map<String, String> SORTABLE = Map.of("revealedAt", "revealed_at");

    private final RevealAudit audit;
    private final KeyRotation rotation;
    private final PersonalDataCipher cipher;

    PrivacyController(RevealAudit audit, KeyRotation rotation, PersonalDataCipher cipher) {
        this.audit = audit;
        this.rotation = rotation;
        this.cipher = cipher;
    }

    @GetMapping("/reveals")
    @Operation(operationId = "listReveals", summary = "The reveal audit",
            description = "Every time someone saw ID numbers, phones or e-mail addresses in full, newest first: who, "
                    + "when, which record (subject and recordId) or which export (scope: the filter that chose its "
                    + "rows), which fields and why. Never the data itself. subject and recordId filter.")
    Mono<PageView<RevealView>> reveals(@Parameter(schema = @Schema(allowableValues = {"contestant", "judge",
                                               "contestantExport"}))
                                       @RequestParam(required = false) String subject,
                                       @RequestParam(required = false) @Positive Long recordId,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size,
                                       Principal caller) {
        PersonalDataAccess.requireAdministrator(caller);
        if (subject != null && !RevealSubjects.ALL.contains(subject)) {
            throw RejectedRequestException.of("subject", "oneOf", RevealSubjects.ALL);
        }
        return audit.list(subject, recordId, PageQuery.of(page, size, null, SORTABLE, "revealedAt"));
    }

    @PostMapping("/key-rotation")
    @Operation(operationId = "rotateDataKeys", summary = "Re-encrypt personal data under the active key",
            description = "Re-encrypts every ID number, phone and e-mail address sealed under another key with the "
                    + "active data key (JINGSAI_DATA_KEY_ID), in batches, and answers how many values it re-sealed. "
                    + "Run it after every instance has the new key configured; afterwards the old key can be "
                    + "removed. Running it again re-seals nothing; stopped half-way, it continues where it was.")
    Mono<RotationView> rotate(Principal caller) {
        PersonalDataAccess.requireAdministrator(caller);
        return rotation.rotate(cipher);
    }
}
