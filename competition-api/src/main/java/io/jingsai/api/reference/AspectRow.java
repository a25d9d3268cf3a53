package io.jingsai.api.reference;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("aspect")
record AspectRow(@Id String code, short position, String nameZh, String nameEn) {
}
