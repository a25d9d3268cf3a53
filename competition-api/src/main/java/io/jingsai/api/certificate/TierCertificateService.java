package io.jingsai.api.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.programme.ProgrammeClosed;
import io.jingsai.api.programme.ProgrammeStatus;
import io.jingsai.api.programme.ProgrammeTier;
import io.jingsai.api.programme.PublishedTierMembers;
import io.jingsai.api.shared.ConflictException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Certificates (证书) for the members of a programme's tiers: demonstration and key projects, competition stars and
 * the enterprises of the 10,000 tier, as the boards give them on the PUBLISHED basis ({@link PublishedTierMembers}).
 * Issued in the transaction that closes the programme: a programme closes only with its events and its project
 * evaluation published, and never reopens, so its tiers are final then and a certificate is never superseded. One
 * per member and tier (but none for an enterprise whose index is 0: see {@link #earned}), never twice (issuing again adds only what is missing). The numbers are
 * {@link CertificateNumbers#ofTierMember}'s.
 */
@Service
class TierCertificateService implements ProgrammeClosed {

    /** What the audit trail records of each certificate issued. */
    record Issued(String number, ProgrammeTier tier, long subjectId, int rank) {
    }

    private final TierCertificateStore store;
    private final PublishedTierMembers tiers;
    private final CertificateNumbers numbers;
    private final AuditTrail audit;
    private final Clock clock;

    TierCertificateService(TierCertificateStore store, PublishedTierMembers tiers, CertificateNumbers numbers,
                           AuditTrail audit, Clock clock) {
        this.store = store;
        this.tiers = tiers;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Closing a programme issues its tier members' certificates, in the same transaction. */
    @Override
    public Mono<Void> closed(long programmeId, String actor) {
        return tiers.programme(programmeId).flatMap(programme -> issueMissing(programme, actor)).then();
    }

    /**
     * Issues the certificates a closed programme lacks (one closed before these certificates existed); 409
     * {@code certificate.programmeNotClosed} for a programme that is not closed, 404 for none. Reads the tiers in one
     * repeatable-read snapshot.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    Mono<TierCertificatesView> issue(long programmeId, String actor) {
        return tiers.programme(programmeId).flatMap(programme -> programme.status() == ProgrammeStatus.CLOSED
                ? issueMissing(programme, actor)
                : Mono.error(new ConflictException("certificate.programmeNotClosed", programmeId,
                        programme.status())));
    }

    /** The programme's tier certificates; empty until it closes; 404 for a programme that does not exist. */
    Mono<TierCertificatesView> list(long programmeId) {
        return tiers.programme(programmeId).thenMany(store.ofProgramme(programmeId)).collectList()
                .map(items -> new TierCertificatesView(programmeId, 0, items));
    }

    private Mono<TierCertificatesView> issueMissing(PublishedTierMembers.Programme programme, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tiers.of(programme.id())
                .flatMapMany(Flux::fromIterable)
                .filter(TierCertificateService::earned)
                .map(member -> certificate(programme, member, now, actor))
                .concatMap(store::insertIfNew)
                .collectList()
                .flatMap(issued -> record(programme.id(), actor, issued)
                        .then(store.ofProgramme(programme.id()).collectList())
                        .map(items -> new TierCertificatesView(programme.id(), issued.size(), items)));
    }

    /**
     * Whether membership was earned: an enterprise whose index is 0 is in the tier only because the tier has room for
     * every enterprise on the board (it hosts a project outside the tiers, say, of a programme called off before
     * anything was held), and a certificate would honour nothing. Every other member has its board's figure.
     */
    private static boolean earned(PublishedTierMembers.Member member) {
        return member.tier() != ProgrammeTier.ENTERPRISES || member.score().signum() > 0;
    }

    private TierCertificateView certificate(PublishedTierMembers.Programme programme,
                                            PublishedTierMembers.Member member, Instant now, String actor) {
        return new TierCertificateView(
                numbers.ofTierMember(programme.year(), programme.id(), member.tier(), member.subjectId()),
                programme.id(), member.tier(), member.subjectId(), member.rank(), member.score(), member.name(),
                member.enterpriseName(), member.tradeName(), member.regionCode(), programme.name(), programme.year(),
                now, actor);
    }

    /** The certificates issued join the programme's audit chain, as its evaluation's steps do. */
    private Mono<Void> record(long programmeId, String actor, List<TierCertificateView> issued) {
        if (issued.isEmpty()) {
            return Mono.empty();
        }
        return audit.record(AuditRecord.of(AuditChain.programme(programmeId), actor, "certificates.issued",
                "programme/" + programmeId, null, Map.of("certificates", issued.stream()
                        .map(certificate -> new Issued(certificate.number(), certificate.tier(),
                                certificate.subjectId(), certificate.rank()))
                        .toList())));
    }
}
