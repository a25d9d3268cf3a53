package io.jingsai.api.certificate;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Certificates", description = "Certificates (证书) of the award winners and title holders of published "
        + "events and of the tier members of closed programmes, and their public check (证书查询)")
class CertificateController {

    /** A certificate never changes once issued: proxies may share a check for a while. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final CertificateService certificates;
    private final TierCertificateService tierCertificates;

    CertificateController(CertificateService certificates, TierCertificateService tierCertificates) {
        this.certificates = certificates;
        this.tierCertificates = tierCertificates;
    }

    @GetMapping("/api/public/certificates/{number}")
    @Operation(operationId = "checkCertificate", summary = "Check a certificate by its number (证书查询)",
            description = "For anyone: whether a certificate with this number was issued, and if so to whom (name and "
                    + "enterprise as printed), for which programme, and what it certifies: an award winner's "
                    + "(kind AWARD: event, trade, award band or titles) or a tier member's of a closed programme "
                    + "(kind TIER: tier, rank, a star's trade, the region), and when. Spaces and small letters are "
                    + "read as typed on paper (O as 0, I and L as 1). 404 for any text that is not the number of a "
                    + "certificate: unknown, mistyped or altered numbers alike.")
    Mono<ResponseEntity<CertificateCheckView>> check(
            @PathVariable @Parameter(description = "the certificate's number, such as 2025-0012-0007-7K3M9QXD "
                    + "(an award) or 2025-P0003-S0017-Q8ZC4M1T (a tier member)")
            String number) {
        return certificates.check(number).map(view -> ResponseEntity.ok().cacheControl(CACHING).body(view));
    }

    @GetMapping("/api/events/{eventId}/certificates")
    @Operation(operationId = "listCertificates", summary = "The event's certificates",
            description = "Every certificate issued for the event, by registration number: its number, what it "
                    + "certifies (rank, award band, titles, total, result version), the names printed on it, and who "
                    + "issued it when. Empty until the results are published.")
    Mono<CertificatesView> list(@PathVariable long eventId) {
        return certificates.list(eventId);
    }

    @PostMapping("/api/events/{eventId}/certificates/issuance")
    @Operation(operationId = "issueCertificates", summary = "Issue the certificates a published event lacks",
            description = "Publishing an event issues its certificates; this issues those still missing, for an "
                    + "event published before certificates existed. Idempotent: a certificate already issued keeps "
                    + "its number and content, and issued says how many were new (0 when none were missing). 409 for "
                    + "an event that is not PUBLISHED. New certificates join the event's audit chain.")
    Mono<CertificatesView> issue(@PathVariable long eventId,
                                 @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return certificates.issue(eventId, caller.username());
    }

    @GetMapping("/api/programmes/{programmeId}/certificates")
    @Operation(operationId = "listTierCertificates", summary = "The certificates of the programme's tier members",
            description = "Every certificate issued to a member of the programme's tiers (demonstration and key "
                    + "projects, competition stars, enterprises of the 10,000 tier), by tier, rank and member id: its "
                    + "number, the tier, the member's rank and figure on the tier's board (score or index), the "
                    + "names printed on it, and who issued it when. Empty until the programme is CLOSED.")
    Mono<TierCertificatesView> listTierCertificates(@PathVariable long programmeId) {
        return tierCertificates.list(programmeId);
    }

    @PostMapping("/api/programmes/{programmeId}/certificates/issuance")
    @Operation(operationId = "issueTierCertificates", summary = "Issue the certificates a closed programme lacks",
            description = "Closing a programme issues its tier members' certificates from the tiers on the PUBLISHED "
                    + "basis; this issues those still missing, for a programme closed before these certificates "
                    + "existed. Idempotent: a certificate already issued keeps its number and content, and issued "
                    + "says how many were new (0 when none were missing). 409 for a programme that is not CLOSED. New "
                    + "certificates join the programme's audit chain.")
    Mono<TierCertificatesView> issueTierCertificates(@PathVariable long programmeId,
                                                     @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return tierCertificates.issue(programmeId, caller.username());
    }
}
