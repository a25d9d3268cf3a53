package io.jingsai.api.certificate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as organizers see it: its number, what it certifies (the entry's place in the published standings:
 * rank, award band, titles, total, and the version of the result they come from), the names printed on it, and who
 * issued it when (the account that published the event, or that issued the certificates later).
 *
 * @param award  the award band won, or null when the certificate is for titles alone
 * @param titles the titles earned, in the rules' order
 */
record CertificateView(String number, long eventId, long registrationId, int registrationNumber, int rank,
                       String award, List<String> titles, BigDecimal total, long resultVersion, String holderName,
                       String enterpriseName, String eventName, String tradeName, String programmeName,
                       int programmeYear, Instant issuedAt, String issuedBy) {

    CertificateView {
        titles = List.copyOf(titles);
    }
}
