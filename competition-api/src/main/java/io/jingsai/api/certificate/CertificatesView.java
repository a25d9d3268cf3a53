package io.jingsai.api.certificate;

import java.util.List;

/**
 * The certificates of an event, by registration number.
 *
 * @param issued how many of them this request issued (0 for a read, and for an issue that found nothing missing)
 */
record CertificatesView(long eventId, int issued, List<CertificateView> items) {

    CertificatesView {
        items = List.copyOf(items);
    }
}
