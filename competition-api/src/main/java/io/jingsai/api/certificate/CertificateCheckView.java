package io.jingsai.api.certificate;

import java.time.Instant;
import java.util.List;

/**
 * What anyone may learn of a certificate by its number (证书查询): that it is genuine, whom it was issued to (name and
 * enterprise, as printed), for which event, and which award or titles; nothing else of the holder.
 *
 * @param award  the award band, or null when the certificate is for titles alone
 * @param titles the titles earned
 */
record CertificateCheckView(String number, String holderName, String enterpriseName, String programmeName,
                            int programmeYear, String eventName, String tradeName, String award, List<String> titles,
                            Instant issuedAt) {

    CertificateCheckView {
        titles = List.copyOf(titles);
    }

    static CertificateCheckView of(CertificateView certificate) {
        return new CertificateCheckView(certificate.number(), certificate.holderName(), certificate.enterpriseName(),
                certificate.programmeName(), certificate.programmeYear(), certificate.eventName(),
                certificate.tradeName(), certificate.award(), certificate.titles(), certificate.issuedAt());
    }
}
