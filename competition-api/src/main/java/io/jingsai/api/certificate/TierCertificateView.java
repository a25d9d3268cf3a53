package io.jingsai.api.certificate;

import java.math.BigDecimal;
import java.time.Instant;

import io.jingsai.api.programme.ProgrammeTier;

/**
 * A tier member's certificate as organizers see it: its number, what it certifies (the member's tier and its place on
 * the tier's board on the PUBLISHED basis when the programme closed), the names printed on it, and who issued it when
 * (the account that closed the programme, or that issued the certificates later).
 *
 * @param subjectId      the project (DEMONSTRATION, KEY), contestant (STARS) or enterprise (ENTERPRISES)
 * @param score          the board's figure: the project's score, the star's combined standardised score, the
 *                       enterprise's index; exact, as the board gave it
 * @param holderName     the project's, contestant's or enterprise's name
 * @param enterpriseName the project's host, the star's enterprise, or the enterprise itself
 * @param tradeName      the star's trade; absent for the other tiers
 * @param regionCode     the project's region, or the enterprise's
 */
record TierCertificateView(String number, long programmeId, ProgrammeTier tier, long subjectId, int rank,
                           BigDecimal score, String holderName, String enterpriseName, String tradeName,
                           String regionCode, String programmeName, int programmeYear, Instant issuedAt,
                           String issuedBy) {
}
