package io.jingsai.api.certificate;

import java.util.List;

/**
 * The certificates of a programme's tier members, by tier (DEMONSTRATION, KEY, STARS, ENTERPRISES), then rank and id.
 *
 * @param issued how many of them this request issued (0 for a read, and for an issue that found nothing missing)
 */
record TierCertificatesView(long programmeId, int issued, List<TierCertificateView> items) {

    TierCertificatesView {
        items = List.copyOf(items);
    }
}
