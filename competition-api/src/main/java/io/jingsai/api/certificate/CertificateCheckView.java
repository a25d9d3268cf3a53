package io.jingsai.api.certificate;

import java.time.Instant;
import java.util.List;

import io.jingsai.api.programme.ProgrammeTier;

/**
 * What anyone may learn of a certificate by its number (证书查询): that it is genuine, whom it was issued to (name,
 * enterprise and, for a tier member, trade and region, as printed), for which programme, and what it certifies;
 * nothing else of the holder. Two kinds answer alike: an award winner's of an event ({@code kind: AWARD}, with the
 * event, trade, award band and titles) and a tier member's of a programme ({@code kind: TIER}, with the tier and
 * rank). Fields of the other kind are left out.
 *
 * @param award      AWARD: the award band, or absent when the certificate is for titles alone
 * @param titles     AWARD: the titles earned; absent for TIER
 * @param tradeName  AWARD: the event's trade; TIER: a star's trade, absent for projects and enterprises
 * @param tier       TIER: DEMONSTRATION, KEY, STARS or ENTERPRISES
 * @param rank       TIER: the member's rank on the tier's board when the programme closed
 * @param regionCode TIER: the region of the project or of the (star's) enterprise
 */
record CertificateCheckView(Kind kind, String number, String holderName, String enterpriseName, String programmeName,
                            int programmeYear, String eventName, String tradeName, String award, List<String> titles,
                            ProgrammeTier tier, Integer rank, String regionCode, Instant issuedAt) {

    /** Which kind of certificate a number is of. */
    enum Kind {
        /** An award band or titles of a published event. */
        AWARD,
        /** Membership of a closed programme's tier. */
        TIER
    }

    CertificateCheckView {
        titles = titles == null ? null : List.copyOf(titles);
    }

    static CertificateCheckView of(CertificateView certificate) {
        return new CertificateCheckView(Kind.AWARD, certificate.number(), certificate.holderName(),
                certificate.enterpriseName(), certificate.programmeName(), certificate.programmeYear(),
                certificate.eventName(), certificate.tradeName(), certificate.award(), certificate.titles(), null,
                null, null, certificate.issuedAt());
    }

    static CertificateCheckView of(TierCertificateView certificate) {
        return new CertificateCheckView(Kind.TIER, certificate.number(), certificate.holderName(),
                certificate.enterpriseName(), certificate.programmeName(), certificate.programmeYear(), null,
                certificate.tradeName(), null, null, certificate.tier(), certificate.rank(), certificate.regionCode(),
                certificate.issuedAt());
    }
}
