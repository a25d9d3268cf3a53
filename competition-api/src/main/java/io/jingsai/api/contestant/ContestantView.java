package io.jingsai.api.contestant;

import java.time.Instant;
import java.time.LocalDate;

import io.jingsai.api.identifiers.Sex;

/**
 * A contestant as the API shows it. {@code idNumber} is masked unless the caller asked for it with
 * {@code reveal=idNumber}; {@code birthDate} is then hidden too when masked, since it is part of the number.
 */
public record ContestantView(long id, String name, String idNumber, boolean idNumberMasked, LocalDate birthDate, Sex sex,
                      long enterpriseId, long tradeId, String phone, long version, Instant createdAt,
                      Instant updatedAt) {
}
